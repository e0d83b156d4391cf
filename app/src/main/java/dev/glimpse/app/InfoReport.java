package dev.glimpse.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.SceneBounds;
import dev.glimpse.datasets.scene.SceneSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code glimpse info} found, rendered as text for people or JSON for scripts. Both renderings carry the same
 * facts, so a test of one field in JSON also pins the text.
 *
 * @param scene        the loaded scene
 * @param summary      its summary
 * @param surfaceCloud the ground-truth surface cloud, or null
 * @param initialCloud the initial point cloud a nerfstudio dataset names with {@code ply_file_path}, or null
 * @param loadSeconds  time to open the scene (parse metadata, read image headers and sparse points)
 * @param check        what {@code --check} decoded, or null without it
 */
record InfoReport(Scene scene, SceneSummary summary, PointFile surfaceCloud, PointFile initialCloud,
        double loadSeconds, DecodeCheck check) {

    /** A point cloud file and its vertex count from the PLY header. */
    record PointFile(Path file, int points) {}

    /** The files {@code --check} decoded and how long that took. */
    record DecodeCheck(int images, int depthMaps, int masks, double seconds) {}

    void printText(PrintWriter out) {
        SceneSummary s = summary;
        int n = s.viewCount();
        String splits = s.viewsPerSplit().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        out.printf("dataset     %s%n", scene.root());
        out.printf("format      %s%n", s.format());
        out.printf("views       %d (%s)%n", n, splits);
        out.printf("resolution  %s%n", String.join(", ", s.resolutions()));
        Intrinsics k = sharedIntrinsics();
        out.printf("camera      %s%s%n", String.join(", ", s.cameraModels()),
                k == null ? " (intrinsics differ per view)" : String.format(Locale.ROOT,
                        " (fx %.2f, fy %.2f, cx %.2f, cy %.2f)", k.fx(), k.fy(), k.cx(), k.cy()));
        out.printf("depth       %s%n", share(s.withDepth(), n));
        out.printf("masks       %s%n", share(s.withMask(), n));
        out.printf("near/far    %s%n", share(s.withNearFar(), n));
        out.printf("points      %s%n", s.sparsePoints() == 0 ? "none" : String.format(Locale.ROOT,
                "%d sparse points, mean track length %.2f views", s.sparsePoints(), s.meanTrackLength()));
        if (initialCloud != null) {
            out.printf("init cloud  %s (%d points)%n", initialCloud.file().getFileName(), initialCloud.points());
        }
        out.printf("surface GT  %s%n", surfaceCloud == null ? "none"
                : surfaceCloud.file().getFileName() + " (" + surfaceCloud.points() + " points)");
        SceneBounds b = s.bounds();
        out.printf("cameras     centred at %s, scene extent %.3f%n", vec(b.cameraCentre()), b.extent());
        out.printf("content     box %s .. %s (from %s)%n", vec(b.boxMin()), vec(b.boxMax()), b.boxSource());
        out.printf(Locale.ROOT, "loaded in   %.3f s%n", loadSeconds);
        if (check != null) {
            out.printf(Locale.ROOT, "check       %d images, %d depth maps, %d masks decoded in %.3f s%n",
                    check.images(), check.depthMaps(), check.masks(), check.seconds());
        }
    }

    ObjectNode toJson() {
        SceneSummary s = summary;
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("dataset", scene.root().toString());
        o.put("format", s.format());
        o.put("views", s.viewCount());
        ObjectNode splits = o.putObject("splits");
        s.viewsPerSplit().forEach(splits::put);
        s.resolutions().forEach(o.putArray("resolutions")::add);
        s.cameraModels().forEach(o.putArray("cameraModels")::add);
        Intrinsics k = sharedIntrinsics();
        if (k == null) {
            o.putNull("intrinsics");
        } else {
            o.putObject("intrinsics").put("fx", k.fx()).put("fy", k.fy()).put("cx", k.cx()).put("cy", k.cy());
        }
        o.put("viewsWithDepth", s.withDepth());
        o.put("viewsWithMask", s.withMask());
        o.put("viewsWithNearFar", s.withNearFar());
        o.put("sparsePoints", s.sparsePoints());
        o.put("meanTrackLength", s.meanTrackLength());
        putCloud(o, "initialPointCloud", initialCloud);
        putCloud(o, "surfacePoints", surfaceCloud);
        ObjectNode b = o.putObject("bounds");
        addAll(b.putArray("cameraCentre"), s.bounds().cameraCentre());
        b.put("extent", s.bounds().extent());
        addAll(b.putArray("boxMin"), s.bounds().boxMin());
        addAll(b.putArray("boxMax"), s.bounds().boxMax());
        b.put("boxSource", s.bounds().boxSource());
        o.put("loadSeconds", loadSeconds);
        if (check != null) {
            o.putObject("check").put("images", check.images()).put("depthMaps", check.depthMaps())
                    .put("masks", check.masks()).put("decodeSeconds", check.seconds());
        }
        return o;
    }

    /**
     * The intrinsics when all views share them (typical), else null: a per-view list would be too long. "Shared"
     * allows a millionth of a pixel, because formats that store projection matrices (DTU) give each view the same K
     * only up to the rounding of its decomposition.
     */
    private Intrinsics sharedIntrinsics() {
        Intrinsics k = scene.views().get(0).camera().intrinsics();
        return scene.views().stream().allMatch(v -> sameWithinRounding(v.camera().intrinsics(), k)) ? k : null;
    }

    private static boolean sameWithinRounding(Intrinsics a, Intrinsics b) {
        double eps = 1e-6;
        return a.width() == b.width() && a.height() == b.height() && Math.abs(a.fx() - b.fx()) <= eps
                && Math.abs(a.fy() - b.fy()) <= eps && Math.abs(a.cx() - b.cx()) <= eps
                && Math.abs(a.cy() - b.cy()) <= eps;
    }

    private static void putCloud(ObjectNode o, String name, PointFile cloud) {
        if (cloud == null) {
            o.putNull(name);
        } else {
            o.putObject(name).put("file", cloud.file().toString()).put("points", cloud.points());
        }
    }

    private static void addAll(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(v);
        }
    }

    private static String share(int count, int total) {
        return count == 0 ? "none" : count == total ? "all " + total + " views" : count + " of " + total + " views";
    }

    private static String vec(double[] v) {
        return String.format(Locale.ROOT, "(%.3f, %.3f, %.3f)", v[0], v[1], v[2]);
    }
}
