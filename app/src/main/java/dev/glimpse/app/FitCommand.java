package dev.glimpse.app;

import dev.glimpse.datasets.DatasetException;
import dev.glimpse.datasets.ply.GaussianPly;
import dev.glimpse.optimize.fit.Checkpoint;
import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.optimize.fit.Evaluation;
import dev.glimpse.optimize.fit.GeometryEvaluation;
import dev.glimpse.optimize.mvs.MvsFusion;
import dev.glimpse.optimize.fit.FitInit;
import dev.glimpse.optimize.fit.FitPriors;
import dev.glimpse.optimize.fit.FitViews;
import dev.glimpse.optimize.fit.Trainer;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.mvs.MvsFiles;
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
 * {@code glimpse fit DATA -o OUT}: fits Gaussian splats to a dataset on the GPU (llvmpipe without one) and writes
 * OUT/point_cloud.ply, OUT/renders/, OUT/metrics.json and OUT/config.json. Ctrl-C stops at the next iteration and
 * still writes everything; {@code --resume} continues from OUT/checkpoint.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit Gaussian splats to a dataset and evaluate them on its test views.")
final class FitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA", description = "Dataset folder.")
    Path data;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output folder.")
    Path out;

    @Mixin
    FitOptions options;

    @Option(names = "--resume", description = "Continue from OUT/checkpoint (settings from OUT/config.json unless --config).")
    boolean resume;

    @Option(names = "--gpu", paramLabel = "N", description = "EGL device index (default: first hardware GPU, else llvmpipe).")
    Integer gpu;

    @Option(names = "--mvs", paramLabel = "DIR",
            description = "Use the depth maps of a 'glimpse mvs' run instead of running the stereo (default: OUT/mvs"
                    + " when resuming).")
    Path mvs;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (resume && !Files.isRegularFile(out.resolve(Checkpoint.FOLDER).resolve("state.json"))) {
            throw new DatasetException(out, "nothing to resume: no checkpoint in this folder");
        }
        if (resume && options.config == null && Files.isRegularFile(out.resolve("config.json"))) {
            options.config = out.resolve("config.json");
        }
        TrainConfig config = options.resolve();
        PrintWriter log = spec.commandLine().getErr();
        FitViews views = FitViews.load(data, config);
        Files.createDirectories(out);
        config.write(out.resolve("config.json"));
        try (GlContext ctx = GlContext.headless(GpuOption.index(gpu))) {
            log.printf("glimpse: %s, %d training and %d test views, device %s%n", views.scene().format(),
                    views.train().size(), views.split().test().length, ctx.renderer());
            FitPriors priors = priors(ctx, config, views, log);
            GaussianModel model;
            int startIteration = 0;
            int adamStep = 0;
            if (resume) {
                Checkpoint.Restored r = Checkpoint.load(out, ctx, config.data.shDegree, config.densify.maxGaussians);
                model = r.model();
                startIteration = r.iteration();
                adamStep = r.adamStep();
                log.printf("glimpse: resuming at iteration %d with %,d Gaussians%n", startIteration, model.count());
            } else {
                FitInit.Initial init = FitInit.of(views, config, priors == null ? null : priors.cloud());
                model = GaussianModel.of(ctx, init.data(), config.data.shDegree, config.densify.maxGaussians);
                log.printf("glimpse: %,d initial Gaussians (%s)%n", model.count(), init.method());
            }
            try (model) {
                return train(ctx, config, views, model, startIteration, adamStep,
                        config.regularize.any() ? priors : null, priors == null ? null : priors.cloud(), log);
            }
        }
    }

    /**
     * The depth priors when a regulariser or the stereo initialisation needs them (null otherwise). A stereo run
     * made here is saved in OUT/mvs, which a resumed fit reads instead of running the stereo again.
     */
    private FitPriors priors(GlContext ctx, TrainConfig config, FitViews views, PrintWriter log) throws IOException {
        if (!config.regularize.any() && !config.init.method.equals("mvs")) {
            return null;
        }
        Path saved = out.resolve("mvs");
        Path from = mvs != null ? mvs : resume && Files.isRegularFile(saved.resolve(MvsFiles.INDEX)) ? saved : null;
        FitPriors priors = FitPriors.build(ctx, views, config, from, line -> {
            log.println("glimpse: " + line);
            log.flush();
        });
        if (priors.stereo() != null) {
            MvsFiles.write(saved, priors.stereo(), priors.cloud(), config.mvs, null);
        }
        return priors;
    }

    private int train(GlContext ctx, TrainConfig config, FitViews views, GaussianModel model, int startIteration,
            int adamStep, FitPriors priors, MvsFusion.Cloud stereoCloud, PrintWriter log) throws IOException {
        long t0 = System.nanoTime();
        int reached;
        try (Trainer trainer = new Trainer(ctx, config, views, model, startIteration, null, priors);
                StopRequest stop = StopRequest.onInterrupt(() -> log.println(
                        "\nglimpse: stopping after this iteration (Ctrl-C again to quit at once)"));
                FitProgress progress = new FitProgress(config.iterations, startIteration, log)) {
            if (startIteration > 0) {
                trainer.adam().setStep(adamStep);
            }
            reached = trainer.run(stop, progress::update, it -> saveCheckpoint(trainer, it));
            progress.finish(reached);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            saveCheckpoint(trainer, reached);
            GaussianPlyData splats = model.download();
            GaussianPly.write(out.resolve("point_cloud.ply"), splats);
            boolean stopped = reached < config.iterations;
            Evaluation.Result eval = config.output.renderTestViews || !stopped
                    ? Evaluation.run(trainer.rasterizer(), model.params(), model.shDegree(), views.scene(),
                            views.split().test(), config.data.background, false, out.resolve("renders"))
                    : null;
            GeometryEvaluation geometry = views.scene().surfacePoints() == null ? null
                    : GeometryEvaluation.of(views.scene().surfacePoints(), splats, stereoCloud);
            FitReport.write(out, config, views, eval, geometry, reached, seconds,
                    (reached - startIteration) / Math.max(seconds, 1e-9), model.count(), ctx.renderer(), stopped);
            log.printf(Locale.ROOT, "glimpse: %s at iteration %d in %.1f s, %,d Gaussians%s%n",
                    stopped ? "stopped" : "done", reached, seconds, model.count(), eval == null ? ""
                            : String.format(Locale.ROOT, "; test PSNR %.2f dB, SSIM %.4f over %d views",
                                    eval.meanPsnr(), eval.meanSsim(), eval.views().size()));
            log.printf("glimpse: wrote %s%n", out);
            return 0;
        }
    }

    private void saveCheckpoint(Trainer trainer, int iteration) {
        try {
            Checkpoint.save(out, trainer.model(), iteration, trainer.adam().step());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
