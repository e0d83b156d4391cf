package dev.glimpse.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.datasets.load.LoadOptions;
import dev.glimpse.datasets.load.SceneFormats;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.SceneBounds;
import dev.glimpse.datasets.scene.SceneSummary;
import dev.glimpse.datasets.scene.View;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code glimpse info DATA}: what Glimpse sees in a dataset folder, and optionally a full decode check. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe a dataset: format, views, resolution, cameras, depth, masks, points, bounds.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA", description = "Dataset folder.")
    Path data;

    @Option(names = "--format", description = "Force a format (blender, nerfstudio, dtu, llff, colmap).")
    String format;

    @Option(names = "--downscale", defaultValue = "1", description = "Image downscale factor (default ${DEFAULT-VALUE}).")
    int downscale;

    @Option(names = "--check", description = "Decode every image, depth map and mask, and report the time taken.")
    boolean check;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        Scene scene = SceneFormats.load(data, format, new LoadOptions(downscale));
        double openSeconds = (System.nanoTime() - t0) * 1e-9;
        double decodeSeconds = check ? decodeAll(scene) : Double.NaN;
        SceneSummary s = SceneSummary.of(scene);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(s, openSeconds, decodeSeconds).toPrettyString());
        } else {
            printText(out, scene, s, openSeconds, decodeSeconds);
        }
        out.flush();
        return 0;
    }

    /** Loads every lazily held file once, so a broken file anywhere in the dataset is reported now. */
    private static double decodeAll(Scene scene) throws IOException {
        long t0 = System.nanoTime();
        for (View v : scene.views()) {
            v.image().load();
            if (v.depth() != null) {
                v.depth().load();
            }
            if (v.mask() != null) {
                v.mask().load();
            }
        }
        return (System.nanoTime() - t0) * 1e-9;
    }

    private void printText(PrintWriter out, Scene scene, SceneSummary s, double openS, double decodeS) {
        int n = s.viewCount();
        String splits = s.viewsPerSplit().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        out.printf("dataset     %s%n", scene.root());
        out.printf("format      %s%n", s.format());
        out.printf("views       %d (%s)%n", n, splits);
        out.printf("resolution  %s%n", String.join(", ", s.resolutions()));
        out.printf("camera      %s%s%n", String.join(", ", s.cameraModels()), intrinsicsNote(scene));
        out.printf("depth       %s%n", share(s.withDepth(), n));
        out.printf("masks       %s%n", share(s.withMask(), n));
        out.printf("near/far    %s%n", share(s.withNearFar(), n));
        out.printf("points      %s%n", s.sparsePoints() == 0 ? "none" : s.sparsePoints() + " sparse points");
        out.printf("surface GT  %s%n", s.surfacePoints() ? scene.surfacePoints().getFileName() : "none");
        SceneBounds b = s.bounds();
        out.printf("cameras     centred at %s, scene extent %.3f%n", vec(b.cameraCentre()), b.extent());
        out.printf("content     box %s .. %s (from %s)%n", vec(b.boxMin()), vec(b.boxMax()), b.boxSource());
        out.printf("loaded in   %.3f s%s%n", openS, Double.isNaN(decodeS) ? ""
                : String.format(Locale.ROOT, "; all files decoded in %.3f s", decodeS));
    }

    /** Intrinsics are printed only when all views share them (typical); otherwise the list would be too long. */
    private static String intrinsicsNote(Scene scene) {
        var k = scene.views().get(0).camera().intrinsics();
        boolean shared = scene.views().stream().allMatch(v -> v.camera().intrinsics().equals(k));
        return shared ? String.format(Locale.ROOT, " (fx %.2f, fy %.2f, cx %.2f, cy %.2f)", k.fx(), k.fy(), k.cx(), k.cy())
                : " (intrinsics differ per view)";
    }

    private static String share(int count, int total) {
        return count == 0 ? "none" : count == total ? "all " + total + " views" : count + " of " + total + " views";
    }

    private static String vec(double[] v) {
        return String.format(Locale.ROOT, "(%.3f, %.3f, %.3f)", v[0], v[1], v[2]);
    }

    private ObjectNode toJson(SceneSummary s, double openS, double decodeS) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("dataset", data.toString());
        o.put("format", s.format());
        o.put("views", s.viewCount());
        ObjectNode splits = o.putObject("splits");
        s.viewsPerSplit().forEach(splits::put);
        s.resolutions().forEach(o.putArray("resolutions")::add);
        s.cameraModels().forEach(o.putArray("cameraModels")::add);
        o.put("viewsWithDepth", s.withDepth());
        o.put("viewsWithMask", s.withMask());
        o.put("viewsWithNearFar", s.withNearFar());
        o.put("sparsePoints", s.sparsePoints());
        o.put("surfacePoints", s.surfacePoints());
        ObjectNode b = o.putObject("bounds");
        for (double v : s.bounds().cameraCentre()) {
            b.withArray("cameraCentre").add(v);
        }
        b.put("extent", s.bounds().extent());
        for (double v : s.bounds().boxMin()) {
            b.withArray("boxMin").add(v);
        }
        for (double v : s.bounds().boxMax()) {
            b.withArray("boxMax").add(v);
        }
        b.put("boxSource", s.bounds().boxSource());
        o.put("loadSeconds", openS);
        if (!Double.isNaN(decodeS)) {
            o.put("decodeSeconds", decodeS);
        }
        return o;
    }
}
