package dev.glimpse.app;

import dev.glimpse.optimize.fit.BenchScene;
import dev.glimpse.optimize.fit.FitViews;
import dev.glimpse.optimize.fit.Trainer;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuTimer;
import dev.glimpse.optimize.train.GaussianModel;
import dev.glimpse.optimize.train.TrainConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glimpse bench}: training-iteration speed on a synthetic scene of a given size, with GPU timer figures per
 * stage (project, sort, rasterise forward and backward, loss, Adam, densification) and iterations per second.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed per stage on a synthetic scene.")
final class BenchCommand implements Callable<Integer> {
    static final List<String> STAGES = List.of("zero", "project", "sort", "rasterize", "loss", "rasterize_backward",
            "project_backward", "densify", "adam");

    @Option(names = "--width", defaultValue = "256") int width;
    @Option(names = "--height", defaultValue = "256") int height;
    @Option(names = "--gaussians", defaultValue = "50000") int gaussians;
    @Option(names = "--iters", defaultValue = "30", description = "Measured iterations (default ${DEFAULT-VALUE}).")
    int iterations;
    @Option(names = "--warmup", defaultValue = "5") int warmup;
    @Option(names = "--sh-degree", defaultValue = "3") int shDegree;
    @Option(names = "--gpu", paramLabel = "N") Integer gpu;
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (width < 1 || height < 1 || gaussians < 1 || iterations < 1 || warmup < 0) {
            throw new UserError("bench sizes and counts must be positive");
        }
        TrainConfig config = new TrainConfig();
        config.iterations = warmup + iterations;
        config.data.shDegree = shDegree;
        config.data.shDegreeInterval = 1; // the full SH degree from the start, as late in a fit
        config.densify.from = warmup; // one densification step inside the measured window, none growing past N
        config.densify.interval = Math.max(1, iterations);
        config.densify.maxGaussians = gaussians;
        config.output.checkpointEvery = 0;
        PrintWriter out = spec.commandLine().getOut();
        FitViews views = BenchScene.views(width, height, config.seed);
        try (GlContext ctx = GlContext.headless(GpuOption.index(gpu));
                GaussianModel model = GaussianModel.of(ctx, BenchScene.gaussians(gaussians, shDegree, 1), shDegree,
                        gaussians);
                GpuTimer timer = GpuTimer.create(ctx, "bench")) {
            config.iterations = warmup;
            try (Trainer warm = new Trainer(ctx, config, views, model, 0, null)) {
                warm.run(() -> false, null, null);
            }
            config.iterations = warmup + iterations;
            try (Trainer trainer = new Trainer(ctx, config, views, model, warmup, timer)) {
                long t0 = System.nanoTime();
                trainer.run(() -> false, null, null);
                trainer.model().download(); // waits for the GPU to finish the last iteration
                double seconds = (System.nanoTime() - t0) * 1e-9;
                report(out, ctx, timer.awaitResults(), seconds, model.count());
            }
        }
        out.flush();
        return 0;
    }

    private void report(PrintWriter out, GlContext ctx, Map<String, GpuTimer.StageTime> times, double seconds,
            int finalCount) {
        out.printf(Locale.ROOT, "device      %s%n", ctx.renderer());
        out.printf(Locale.ROOT, "workload    %dx%d, %,d Gaussians (SH degree %d), %d iterations after %d warm-up%n",
                width, height, gaussians, shDegree, iterations, warmup);
        double sum = 0;
        for (String stage : STAGES) {
            GpuTimer.StageTime t = times.get(stage);
            if (t != null) {
                out.printf(Locale.ROOT, "  %-20s %9.2f ms%n", stage, t.totalMillis() / iterations);
                sum += t.totalMillis() / iterations;
            }
        }
        out.printf(Locale.ROOT, "  %-20s %9.2f ms (GPU time per iteration)%n", "sum", sum);
        out.printf(Locale.ROOT, "speed       %.2f it/s (%.1f ms wall per iteration)%n", iterations / seconds,
                1000 * seconds / iterations);
        out.printf(Locale.ROOT, "memory      %.1f MiB of GPU buffers; %,d Gaussians after the densify step%n",
                ctx.bytesAllocated() / 1048576.0, finalCount);
    }
}
