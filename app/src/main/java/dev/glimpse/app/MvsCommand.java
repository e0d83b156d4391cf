package dev.glimpse.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glimpse.datasets.image.DepthMap;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.scene.View;
import dev.glimpse.optimize.fit.FitViews;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.fit.GeometryEvaluation;
import dev.glimpse.optimize.metrics.GeometryMetrics;
import dev.glimpse.optimize.mvs.MultiViewStereo;
import dev.glimpse.optimize.mvs.MvsAccuracy;
import dev.glimpse.optimize.mvs.MvsDepthMap;
import dev.glimpse.optimize.mvs.MvsFiles;
import dev.glimpse.optimize.mvs.MvsFusion;
import dev.glimpse.optimize.train.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code glimpse mvs DATA -o OUT}: plane-sweep multi-view stereo on the training views a fit with the same flags
 * would use; writes per-view depth and confidence maps, the fused cloud and mvs.json (see {@link MvsFiles}).
 * Where the dataset has ground-truth depth or surface points, it also reports how accurate the result is.
 */
@Command(name = "mvs", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Multi-view stereo: depth and confidence maps and a fused point cloud of the training views.")
final class MvsCommand implements Callable<Integer> {
    /** Relative depth error counted as accurate in the report. */
    static final double TOLERANCE = 0.02;

    @Parameters(index = "0", paramLabel = "DATA", description = "Dataset folder.") Path data;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT") Path out;
    @Mixin FitOptions options;
    @Option(names = "--hypotheses", description = "Depth hypotheses per view (default 128).") Integer hypotheses;
    @Option(names = "--sources", description = "Source views per reference view (default 4).") Integer sources;
    @Option(names = "--min-confidence", description = "Confidence a kept depth needs (default 0.3).")
    Double minConfidence;
    @Option(names = "--gpu", paramLabel = "N") Integer gpu;
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TrainConfig config = options.resolve();
        if (hypotheses != null) {
            config.mvs.hypotheses = hypotheses;
        }
        if (sources != null) {
            config.mvs.sources = sources;
        }
        if (minConfidence != null) {
            config.mvs.minConfidence = minConfidence;
        }
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new UserError("invalid settings: " + String.join("; ", problems));
        }
        Scene scene = FitViews.loadScene(data, config);
        int[] train = FitViews.select(scene, config.data).train();
        if (train.length < 2) {
            throw new UserError("multi-view stereo needs at least 2 views; the split gives " + train.length);
        }
        PrintWriter log = spec.commandLine().getErr();
        Files.createDirectories(out);
        try (GlContext ctx = GlContext.headless(GpuOption.index(gpu))) {
            log.printf("glimpse: stereo on %d views of %s, device %s%n", train.length, data, ctx.renderer());
            long t0 = System.nanoTime();
            List<MvsDepthMap> maps = MultiViewStereo.run(ctx, scene, train, config.mvs, config.data.background,
                    s -> log.println("glimpse: " + s));
            MvsFusion.Cloud cloud = MvsFusion.fuse(maps, config.mvs.maxFusedPoints);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            ObjectNode report = new ObjectMapper().createObjectNode();
            report.put("seconds", seconds);
            report.put("fused_points", cloud.count());
            report(scene, maps, cloud, report, log);
            MvsFiles.write(out, maps, cloud, config.mvs, report);
            config.write(out.resolve("config.json"));
            log.printf(Locale.ROOT, "glimpse: %,d fused points in %.1f s; wrote %s%n", cloud.count(), seconds, out);
        }
        return 0;
    }

    /** Per-view table, and accuracy against ground-truth depth and surface points where the dataset has them. */
    private void report(Scene scene, List<MvsDepthMap> maps, MvsFusion.Cloud cloud, ObjectNode json, PrintWriter log)
            throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%-20s %8s %8s %7s %8s %9s%n", "view", "near", "far", "kept", "GT kept", "within 2%");
        MvsAccuracy total = null;
        for (MvsDepthMap m : maps) {
            View view = scene.views().get(m.view().index());
            String gt = "-";
            String good = "-";
            if (view.depth() != null) {
                DepthMap truth = view.depth().load();
                MvsAccuracy a = MvsAccuracy.of(m.depth(), truth.depth(), TOLERANCE);
                total = total == null ? a : total.plus(a);
                gt = String.format(Locale.ROOT, "%.1f%%", 100 * a.keptShare());
                good = String.format(Locale.ROOT, "%.1f%%", 100 * a.accurateShare());
            }
            o.printf(Locale.ROOT, "%-20s %8.3f %8.3f %6.1f%% %8s %9s%n", m.view().name(), m.range().near(),
                    m.range().far(), 100.0 * m.keptCount() / Math.max(1, m.maskedCount()), gt, good);
        }
        if (total != null) {
            o.printf(Locale.ROOT, "%-20s %8s %8s %7s %7.1f%% %8.1f%%   (mean relative error %.4f)%n", "all", "", "",
                    "", 100 * total.keptShare(), 100 * total.accurateShare(), total.meanRelativeError());
            ObjectNode d = json.putObject("depth_accuracy");
            d.put("tolerance", TOLERANCE);
            d.put("gt_pixels", total.truthPixels());
            d.put("kept_share", total.keptShare());
            d.put("within_tolerance_share", total.accurateShare());
            d.put("mean_relative_error", total.meanRelativeError());
        }
        if (scene.surfacePoints() != null && cloud.count() > 0) {
            GeometryEvaluation geometry = GeometryEvaluation.of(scene.surfacePoints(), null, cloud);
            GeometryMetrics g = geometry.stereo();
            double tau = geometry.tau();
            o.printf(Locale.ROOT, "fused cloud vs %s: accuracy %.4f, completeness %.4f, Chamfer %.4f, F-score %.3f"
                    + " at %.4f%n", scene.surfacePoints().getFileName(), g.accuracy(), g.completeness(), g.chamfer(),
                    g.fScore(), tau);
            json.set("geometry", new ObjectMapper().valueToTree(g));
        }
    }
}
