package dev.glimpse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glimpse.datasets.testing.SharedDatasets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code glimpse info} on the benchmark scenes of shared/datasets (skipped when absent) and on the bundled sample
 * (always present). The expected values are read from the scenes' own files here: the transforms JSON, the COLMAP
 * text model and the PLY header.
 */
class InfoBenchmarkScenesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The transforms store float32 matrices whose rotations are orthonormal only to about 1e-7, so a centre
     * recovered from the fitted pose can differ from the stored translation by that much.
     */
    private static final double FLOAT32 = 1e-6;

    @Test
    void bundledSample() throws IOException {
        Path sample = SharedDatasets.bundledSample("tabletop-128");
        DatasetTruth truth = asBlender(sample);
        assertThat(truth.resolution()).isEqualTo("128x128");
        assertThat(truth.sparsePoints()).isEqualTo(435);
        truth.assertJson(sample.toString(), "--check");
        truth.assertText(sample.toString(), "--check");
    }

    @Test
    void tabletop() throws IOException {
        Path scene = SharedDatasets.scene("tabletop");
        DatasetTruth truth = asBlender(scene);
        assertThat(truth.splits()).containsExactly(Map.entry("train", 24), Map.entry("test", 16));
        truth.assertJson(scene.toString(), "--check");
        truth.assertText(scene.toString());
    }

    @Test
    void tabletopAsColmap() throws IOException {
        Path scene = SharedDatasets.scene("tabletop");
        DatasetTruth truth = asColmap(scene);
        assertThat(truth.views()).isEqualTo(24);
        truth.assertJson(scene.toString(), "--format", "colmap");
        truth.assertText(scene.toString(), "--format", "colmap");
    }

    @Test
    void forward() throws IOException {
        Path scene = SharedDatasets.scene("forward");
        DatasetTruth truth = asBlender(scene);
        truth.assertJson(scene.toString());
        truth.assertText(scene.toString());
    }

    /** The scene read as Blender transforms, with the COLMAP model's points and the PLY's vertex count. */
    private static DatasetTruth asBlender(Path root) throws IOException {
        Map<String, Integer> splits = new LinkedHashMap<>();
        List<double[]> centres = new ArrayList<>();
        int depth = 0;
        double angle = 0;
        int w = 0;
        int h = 0;
        for (String split : List.of("train", "val", "test")) {
            Path file = root.resolve("transforms_" + split + ".json");
            if (!Files.exists(file)) {
                continue;
            }
            JsonNode json = JSON.readTree(file.toFile());
            angle = json.get("camera_angle_x").asDouble();
            w = json.get("w").asInt();
            h = json.get("h").asInt();
            splits.put(split, json.get("frames").size());
            for (JsonNode frame : json.get("frames")) {
                depth += frame.has("depth_path") ? 1 : 0;
                JsonNode m = frame.get("transform_matrix");
                centres.add(new double[] {m.get(0).get(3).asDouble(), m.get(1).get(3).asDouble(),
                    m.get(2).get(3).asDouble()});
            }
        }
        double f = 0.5 * w / Math.tan(0.5 * angle);
        double[] tracks = trackLengths(root.resolve("sparse/0/points3D.txt"));
        return new DatasetTruth("blender", splits, w + "x" + h, "PINHOLE", new double[] {f, f, 0.5 * w, 0.5 * h},
                depth, 0, 0, tracks.length, Arrays.stream(tracks).average().orElse(0), null,
                plyVertexCount(root.resolve("points.ply")), "points", centres.toArray(double[][]::new),
                FLOAT32);
    }

    /** The scene read as its COLMAP text model: one camera, the images listed in images.txt. */
    private static DatasetTruth asColmap(Path root) throws IOException {
        Path model = root.resolve("sparse/0");
        String[] camera = dataLines(model.resolve("cameras.txt")).get(0).split("\\s+");
        assertThat(camera[1]).isEqualTo("PINHOLE");
        double[] k = {Double.parseDouble(camera[4]), Double.parseDouble(camera[5]), Double.parseDouble(camera[6]),
            Double.parseDouble(camera[7])};
        // images.txt holds two lines per image.
        int images = dataLines(model.resolve("images.txt")).size() / 2;
        double[] tracks = trackLengths(model.resolve("points3D.txt"));
        return new DatasetTruth("colmap", DatasetTruth.splits("all", images), camera[2] + "x" + camera[3], "PINHOLE", k,
                0, 0, 0, tracks.length, Arrays.stream(tracks).average().orElse(0), null,
                plyVertexCount(root.resolve("points.ply")), "points", null, 0);
    }

    /** Lines of a COLMAP text file that are not comments. Blank lines count: an image may observe no points. */
    private static List<String> dataLines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#")).toList();
    }

    /** Per point, the number of distinct images in its track (IMAGE_ID, POINT2D_IDX pairs after 8 fields). */
    private static double[] trackLengths(Path points3D) throws IOException {
        return dataLines(points3D).stream().filter(l -> !l.isBlank()).mapToDouble(l -> {
            String[] f = l.trim().split("\\s+");
            return java.util.stream.IntStream.iterate(8, i -> i < f.length, i -> i + 2).mapToObj(i -> f[i])
                    .distinct().count();
        }).toArray();
    }

    private static int plyVertexCount(Path ply) throws IOException {
        byte[] head = new byte[512];
        try (var in = Files.newInputStream(ply)) {
            int n = in.readNBytes(head, 0, head.length);
            Matcher m = Pattern.compile("element vertex (\\d+)").matcher(new String(head, 0, n,
                    StandardCharsets.ISO_8859_1));
            assertThat(m.find()).as("vertex element in %s", ply).isTrue();
            return Integer.parseInt(m.group(1));
        }
    }
}
