package dev.glimpse.app;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.io.AtomicWrite;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.optimize.fit.Evaluation;
import dev.glimpse.optimize.fit.FitViews;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.splat.SplatRasterizer;
import dev.glimpse.optimize.train.GaussianModel;
import dev.glimpse.optimize.train.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code glimpse eval OUT --dataset DATA}: measures a fit's OUT/point_cloud.ply on the test views chosen by its
 * OUT/config.json (same split, downscale and background as training), prints a table and writes OUT/eval.json.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a fit's Gaussians on the dataset's test views (PSNR, SSIM, depth).")
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "Output folder of a fit.")
    Path fit;

    @Option(names = "--dataset", required = true, paramLabel = "DATA") Path dataset;
    @Option(names = "--renders", description = "Also write render/gt/error PNGs to OUT/eval_renders.") boolean renders;
    @Option(names = "--gpu", paramLabel = "N") Integer gpu;
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path ply = fit.resolve("point_cloud.ply");
        Path configFile = fit.resolve("config.json");
        if (!Files.isRegularFile(ply)) {
            throw new DatasetException(fit, "not a fit output folder (no point_cloud.ply)");
        }
        TrainConfig cfg = Files.isRegularFile(configFile) ? TrainConfig.read(configFile) : new TrainConfig();
        Scene scene = FitViews.loadScene(dataset, cfg);
        int[] test = FitViews.select(scene, cfg.data).test();
        if (test.length == 0) {
            throw new DatasetException(dataset, "has no test views for split '" + cfg.data.split + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (GlContext ctx = GlContext.headless(GpuOption.index(gpu));
                GaussianModel model = SplatFiles.load(ctx, ply);
                SplatRasterizer rasterizer = new SplatRasterizer(ctx)) {
            Evaluation.Result r = Evaluation.run(rasterizer, model.params(), model.shDegree(), scene, test,
                    cfg.data.background, renders ? fit.resolve("eval_renders") : null);
            out.printf("%-24s %8s %8s %10s%n", "view", "PSNR", "SSIM", "depth rel");
            for (Evaluation.ViewResult v : r.views()) {
                out.printf(Locale.ROOT, "%-24s %8.2f %8.4f %10s%n", v.name(), v.psnr(), v.ssim(),
                        Double.isNaN(v.depthAbsRel()) ? "-" : String.format(Locale.ROOT, "%.4f", v.depthAbsRel()));
            }
            out.printf(Locale.ROOT, "%-24s %8.2f %8.4f %10s%n", "mean", r.meanPsnr(), r.meanSsim(),
                    Double.isNaN(r.meanDepthAbsRel()) ? "-" : String.format(Locale.ROOT, "%.4f", r.meanDepthAbsRel()));
            AtomicWrite.string(fit.resolve("eval.json"), EvalJson.of(r, ctx.renderer()));
        }
        return 0;
    }
}
