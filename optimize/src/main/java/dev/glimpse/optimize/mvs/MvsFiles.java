package dev.glimpse.optimize.mvs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.image.ImageFiles;
import dev.glimpse.datasets.io.AtomicWrite;
import dev.glimpse.datasets.io.NdArray;
import dev.glimpse.datasets.io.Npy;
import dev.glimpse.datasets.ply.PointCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a stereo run, as {@code glimpse mvs} writes them and {@code glimpse fit --mvs} reads them back:
 * {@code depth/NAME.npy} and {@code confidence/NAME.npy} (float32 [H][W], exact), the same as 16-bit PNGs for
 * viewing ({@code depth/NAME.png} in units of 1 / depth_scale, {@code confidence/NAME.png} scaled to 65535), the
 * fused cloud {@code points.ply} (x y z, red green blue, confidence) and {@code mvs.json} (views, ranges, sources,
 * depth_scale, settings). Every file is written through a temporary file.
 */
public final class MvsFiles {
    public static final String INDEX = "mvs.json";
    static final int PNG_MAX = 65535;

    /** Depth and confidence of one view read back from a run folder ([H][W] float each). */
    public record Maps(int width, int height, float[] depth, float[] confidence) {}

    private MvsFiles() {}

    /** Writes the maps, the fused cloud and the index; {@code extra} (nullable) is added to mvs.json as is. */
    public static void write(Path out, List<MvsDepthMap> maps, MvsFusion.Cloud cloud, MvsConfig config,
            ObjectNode extra) throws IOException {
        Files.createDirectories(out.resolve("depth"));
        Files.createDirectories(out.resolve("confidence"));
        double maxDepth = 0;
        for (MvsDepthMap m : maps) {
            for (float d : m.depth()) {
                maxDepth = Math.max(maxDepth, d);
            }
        }
        // Millimetres for metre-scale scenes, as the benchmark datasets store depth; coarser only if that overflows.
        double scale = maxDepth * 1000 < PNG_MAX ? 1000 : Math.floor(PNG_MAX / maxDepth);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode index = json.createObjectNode();
        index.put("depth_scale", scale);
        ArrayNode views = index.putArray("views");
        for (MvsDepthMap m : maps) {
            String name = safe(m.view().name());
            int w = m.view().width();
            int h = m.view().height();
            Npy.write(out.resolve("depth").resolve(name + ".npy"), NdArray.ofFloats(new int[] {h, w}, m.depth()));
            Npy.write(out.resolve("confidence").resolve(name + ".npy"),
                    NdArray.ofFloats(new int[] {h, w}, m.confidence()));
            ImageFiles.writeGrey16Png(out.resolve("depth").resolve(name + ".png"), quantise(m.depth(), scale), w, h);
            ImageFiles.writeGrey16Png(out.resolve("confidence").resolve(name + ".png"),
                    quantise(m.confidence(), PNG_MAX), w, h);
            ObjectNode v = views.addObject();
            v.put("name", m.view().name());
            v.put("file", name);
            v.put("index", m.view().index());
            v.put("width", w);
            v.put("height", h);
            v.put("near", m.range().near());
            v.put("far", m.range().far());
            ArrayNode src = v.putArray("sources");
            for (int s : m.sources()) {
                src.add(maps.get(s).view().name());
            }
            v.put("kept", m.keptCount());
            v.put("masked", m.maskedCount());
        }
        index.set("settings", json.valueToTree(config));
        if (extra != null) {
            index.setAll(extra);
        }
        PointCloud points = new PointCloud(cloud.xyz(), colours(cloud.rgb()), null,
                Map.of("confidence", cloud.confidence()));
        points.write(out.resolve("points.ply"));
        AtomicWrite.string(out.resolve(INDEX), json.writeValueAsString(index) + "\n");
    }

    /** Reads the depth and confidence maps of a run folder, by view name. */
    public static Map<String, Maps> read(Path dir) throws IOException {
        Path indexFile = dir.resolve(INDEX);
        if (!Files.isRegularFile(indexFile)) {
            throw new DatasetException(dir, "is not a glimpse mvs folder (no " + INDEX + ")");
        }
        JsonNode index;
        try {
            index = new ObjectMapper().readTree(indexFile.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new DatasetException(indexFile, "invalid JSON: " + e.getOriginalMessage());
        }
        Map<String, Maps> out = new HashMap<>();
        for (JsonNode v : index.path("views")) {
            String file = v.path("file").asText("");
            if (file.isEmpty() || file.contains("/") || file.contains("\\") || file.startsWith(".")) {
                throw new DatasetException(indexFile, "view entry without a valid file name");
            }
            Path depthFile = dir.resolve("depth").resolve(file + ".npy");
            NdArray depth = Npy.read(depthFile);
            NdArray confidence = Npy.read(dir.resolve("confidence").resolve(file + ".npy"));
            if (depth.ndim() != 2 || !java.util.Arrays.equals(depth.shape(), confidence.shape())) {
                throw new DatasetException(depthFile, "depth and confidence maps must be 2-D of one shape");
            }
            float[] d = depth.asFloats();
            for (float x : d) {
                if (!Float.isFinite(x) || x < 0) {
                    throw new DatasetException(depthFile, "holds a negative or non-finite depth");
                }
            }
            out.put(v.path("name").asText(), new Maps(depth.shape(1), depth.shape(0), d, confidence.asFloats()));
        }
        return out;
    }

    /** The fused cloud of a run folder (colours as read, confidence 1 where the file has none). */
    public static MvsFusion.Cloud readCloud(Path dir) throws IOException {
        PointCloud p = PointCloud.read(dir.resolve("points.ply"));
        float[] rgb = new float[p.positions().length];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = p.colors() == null ? 0.5f : (p.colors()[i] & 0xFF) / 255f;
        }
        float[] confidence = p.extras().get("confidence");
        if (confidence == null) {
            confidence = new float[p.count()];
            java.util.Arrays.fill(confidence, 1f);
        }
        return new MvsFusion.Cloud(p.positions(), rgb, confidence);
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static int[] quantise(float[] values, double scale) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) Math.max(0, Math.min(PNG_MAX, Math.round(values[i] * scale)));
        }
        return out;
    }

    private static byte[] colours(float[] rgb) {
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = (byte) Math.round(Math.max(0, Math.min(1, rgb[i])) * 255);
        }
        return out;
    }
}
