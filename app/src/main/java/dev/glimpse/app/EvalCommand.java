package dev.glimpse.app;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.io.AtomicWrite;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.split.Split;
import dev.glimpse.datasets.split.SplitPreset;
import dev.glimpse.optimize.fit.Evaluation;
import dev.glimpse.optimize.fit.FitViews;
import dev.glimpse.optimize.fit.GeometryEvaluation;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.mvs.MvsFiles;
import dev.glimpse.optimize.mvs.MvsFusion;
import dev.glimpse.optimize.splat.SplatRasterizer;
import dev.glimpse.optimize.train.GaussianModel;
import dev.glimpse.optimize.train.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code glimpse eval OUT... --dataset DATA [--protocol blender|llff|dtu]}: measures each fit's OUT/point_cloud.ply on
 * test views — those of its own config (same split, downscale and background as training) or of a published
 * protocol — plus depth against ground-truth depth and geometry against ground-truth surface points where the
 * dataset has them. Writes OUT/eval.json and OUT/eval.md per fit and prints a Markdown summary with a row per fit.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate fits on the dataset's test views (PSNR, SSIM, depth, geometry).")
final class EvalCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "OUT", description = "Output folders of fits.")
    List<Path> fits;

    @Option(names = "--dataset", required = true, paramLabel = "DATA") Path dataset;
    @Option(names = "--protocol", paramLabel = "NAME", description = "Test views of a published protocol: blender,"
            + " llff or dtu (inside the masks, black background). Default: the split the fit was trained with.")
    String protocol;
    @Option(names = "--renders", description = "Also write render/gt/error PNGs to OUT/eval_renders.") boolean renders;
    @Option(names = "--gpu", paramLabel = "N") Integer gpu;
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SplitPreset preset = protocol == null ? null : preset(protocol);
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder summary = new StringBuilder(EvalMarkdown.summaryHeader());
        GeometryEvaluation lastGeometry = null;
        try (GlContext ctx = GlContext.headless(GpuOption.index(gpu));
                SplatRasterizer rasterizer = new SplatRasterizer(ctx)) {
            for (Path fit : fits) {
                Evaluated e = evaluate(ctx, rasterizer, fit, preset);
                if (fits.size() == 1) {
                    out.print(EvalMarkdown.perView(e.result()));
                    out.println();
                }
                String row = EvalMarkdown.summaryRow(fit.getFileName().toString(), e.trainViews(), e.gaussians(),
                        e.result(), e.geometry());
                summary.append(row);
                AtomicWrite.string(fit.resolve("eval.md"), EvalMarkdown.perView(e.result()) + "\n"
                        + EvalMarkdown.summaryHeader() + row + EvalMarkdown.geometryNote(e.geometry()));
                AtomicWrite.string(fit.resolve("eval.json"), EvalJson.of(e.result(), e.geometry(),
                        preset == null ? "fit split" : preset.id(), ctx.renderer()));
                lastGeometry = e.geometry() != null ? e.geometry() : lastGeometry;
            }
        }
        out.print(summary);
        out.print(EvalMarkdown.geometryNote(lastGeometry));
        out.flush();
        return 0;
    }

    record Evaluated(Evaluation.Result result, GeometryEvaluation geometry, int trainViews, int gaussians) {}

    private Evaluated evaluate(GlContext ctx, SplatRasterizer rasterizer, Path fit, SplitPreset preset)
            throws IOException {
        Path ply = fit.resolve("point_cloud.ply");
        if (!Files.isRegularFile(ply)) {
            throw new DatasetException(fit, "not a fit output folder (no point_cloud.ply)");
        }
        Path configFile = fit.resolve("config.json");
        TrainConfig cfg = Files.isRegularFile(configFile) ? TrainConfig.read(configFile) : new TrainConfig();
        Scene scene = FitViews.loadScene(dataset, cfg);
        Split trained = FitViews.select(scene, cfg.data);
        int[] test = trained.test();
        float[] background = cfg.data.background;
        if (preset != null) {
            test = testViewsOf(scene, cfg, preset, trained, fit);
            background = preset == SplitPreset.DTU ? new float[] {0, 0, 0} : background;
        }
        if (test.length == 0) {
            throw new DatasetException(dataset, "has no test views for split '"
                    + (preset == null ? cfg.data.split : preset.id()) + "'");
        }
        try (GaussianModel model = SplatFiles.load(ctx, ply)) {
            Evaluation.Result r = Evaluation.run(rasterizer, model.params(), model.shDegree(), scene, test,
                    background, preset == SplitPreset.DTU, renders ? fit.resolve("eval_renders") : null);
            GeometryEvaluation geometry = scene.surfacePoints() == null ? null
                    : GeometryEvaluation.of(scene.surfacePoints(), model.download(), stereoPoints(fit));
            return new Evaluated(r, geometry, trained.train().length, model.count());
        }
    }

    /** The protocol's test views, refusing a protocol that would test on views the fit trained on. */
    private int[] testViewsOf(Scene scene, TrainConfig cfg, SplitPreset preset, Split trained, Path fit)
            throws IOException {
        TrainConfig.Data data = cfg.data; // the fit's own split is already taken, so this config may change
        data.split = preset.id();
        data.testIds = List.of();
        int[] test = FitViews.select(scene, data).test();
        int[] overlap = Arrays.stream(test).filter(t -> Arrays.stream(trained.train()).anyMatch(v -> v == t))
                .toArray();
        if (overlap.length > 0) {
            throw new UserError(fit + ": trained on " + overlap.length + " of the test views of protocol '"
                    + preset.id() + "' (e.g. " + scene.views().get(overlap[0]).name() + "); fit with --split "
                    + preset.id() + " to evaluate by it");
        }
        return test;
    }

    private static MvsFusion.Cloud stereoPoints(Path fit) throws IOException {
        Path dir = fit.resolve("mvs");
        return Files.isRegularFile(dir.resolve("points.ply")) ? MvsFiles.readCloud(dir) : null;
    }

    private static SplitPreset preset(String name) {
        try {
            return SplitPreset.named(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("--protocol: " + e.getMessage());
        }
    }
}
