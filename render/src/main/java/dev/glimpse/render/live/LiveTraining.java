package dev.glimpse.render.live;

import dev.glimpse.datasets.ply.GaussianPly;
import dev.glimpse.datasets.scene.Scene;
import dev.glimpse.datasets.split.Split;
import dev.glimpse.optimize.fit.Checkpoint;
import dev.glimpse.optimize.fit.FitInit;
import dev.glimpse.optimize.fit.FitPriors;
import dev.glimpse.optimize.fit.FitViews;
import dev.glimpse.optimize.fit.Trainer;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.train.GaussianModel;
import dev.glimpse.optimize.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The optimiser running inside the viewer: the very {@link Trainer} of {@code glimpse fit}, with the same settings,
 * stepped a few iterations per frame on the viewer's GL thread so the view draws from its buffers. Its config
 * object is live: learning rates and regulariser weights edited in the panel take effect at the next iteration.
 * Closing it keeps a checkpoint (and point_cloud.ply) in the output folder, from which {@code glimpse fit --resume}
 * or the viewer itself continues.
 */
public final class LiveTraining implements AutoCloseable {
    /** Where the optimiser is. */
    public enum State { RUNNING, PAUSED, DONE }

    private final TrainConfig config;
    private final GaussianModel model;
    private final Trainer trainer;
    private final Path out;
    private final int startIteration;
    private final TrainingHistory history = new TrainingHistory();
    private State state = State.PAUSED;
    private int savedIteration = -1;
    private double secondsPerIteration = 0.05;

    private LiveTraining(TrainConfig config, GaussianModel model, Trainer trainer, Path out, int startIteration) {
        this.config = config;
        this.model = model;
        this.trainer = trainer;
        this.out = out;
        this.startIteration = startIteration;
    }

    /**
     * Prepares training on {@code scene} exactly as {@code glimpse fit} would (views, priors, initialisation),
     * resuming from {@code out/checkpoint} when one is there. Starts paused.
     */
    public static LiveTraining create(GlContext ctx, Scene scene, Split split, TrainConfig config, Path out,
            Consumer<String> log) throws IOException {
        List<FitViews.FitView> train = new ArrayList<>();
        for (int i : split.train()) {
            train.add(FitViews.decode(scene, i, config.data.background));
        }
        FitViews views = new FitViews(scene, split, train);
        Files.createDirectories(out);
        config.write(out.resolve("config.json"));
        boolean needsPriors = config.regularize.any() || config.init.method.equals("mvs");
        FitPriors priors = needsPriors ? FitPriors.build(ctx, views, config, null, log) : null;
        GaussianModel model;
        int iteration = 0;
        int adamStep = 0;
        if (Files.isRegularFile(out.resolve(Checkpoint.FOLDER).resolve("state.json"))) {
            Checkpoint.Restored r = Checkpoint.load(out, ctx, config.data.shDegree, config.densify.maxGaussians);
            model = r.model();
            iteration = r.iteration();
            adamStep = r.adamStep();
            log.accept("resuming at iteration " + iteration + " from " + out.resolve(Checkpoint.FOLDER));
        } else {
            FitInit.Initial init = FitInit.of(views, config, priors == null ? null : priors.cloud());
            model = GaussianModel.of(ctx, init.data(), config.data.shDegree, config.densify.maxGaussians);
            log.accept(String.format("%,d initial Gaussians (%s)", model.count(), init.method()));
        }
        Trainer trainer = new Trainer(ctx, config, views, model, iteration, null,
                config.regularize.any() ? priors : null);
        if (iteration > 0) {
            trainer.adam().setStep(adamStep);
        }
        return new LiveTraining(config, model, trainer, out, iteration);
    }

    /** Runs iterations for about {@code budgetSeconds} (at least one) while running. */
    public void advance(double budgetSeconds) {
        if (state != State.RUNNING) {
            return;
        }
        int n = (int) Math.max(1, Math.floor(budgetSeconds / Math.max(secondsPerIteration, 1e-4)));
        iterate(n);
    }

    /** Exactly {@code n} iterations (or up to the configured end), whatever the state. */
    public void iterate(int n) {
        long t0 = System.nanoTime();
        int before = trainer.iteration();
        int[] left = {n};
        trainer.run(() -> left[0]-- <= 0, history::add, it -> save(it));
        int done = trainer.iteration() - before;
        if (done > 0) {
            double s = (System.nanoTime() - t0) * 1e-9 / done;
            secondsPerIteration = 0.7 * secondsPerIteration + 0.3 * s;
        }
        if (trainer.iteration() >= config.iterations) {
            state = State.DONE;
        }
    }

    public void start() {
        if (state != State.DONE) {
            state = State.RUNNING;
        }
    }

    public void pause() {
        if (state == State.RUNNING) {
            state = State.PAUSED;
        }
    }

    /** Pauses and writes the checkpoint and point_cloud.ply. */
    public void stop() throws IOException {
        pause();
        saveAll();
    }

    public State state() {
        return state;
    }

    public int iteration() {
        return trainer.iteration();
    }

    public TrainConfig config() {
        return config;
    }

    public GaussianModel model() {
        return model;
    }

    /** SH degree the optimiser currently renders with (raised every shDegreeInterval iterations). */
    public int activeShDegree() {
        return Math.min(model.shDegree(), trainer.iteration() / config.data.shDegreeInterval);
    }

    public TrainingHistory history() {
        return history;
    }

    public Path out() {
        return out;
    }

    /** Writes OUT/checkpoint (resumable by {@code glimpse fit --resume}). */
    public Path saveCheckpoint() throws IOException {
        Checkpoint.save(out, model, trainer.iteration(), trainer.adam().step());
        savedIteration = trainer.iteration();
        return out.resolve(Checkpoint.FOLDER);
    }

    /** Writes the Gaussians as a standard 3DGS PLY. */
    public Path savePly(Path file) throws IOException {
        GaussianPly.write(file, model.download());
        return file;
    }

    private void saveAll() throws IOException {
        saveCheckpoint();
        savePly(out.resolve("point_cloud.ply"));
    }

    private void save(int iteration) {
        try {
            saveCheckpoint();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stops; keeps a checkpoint and the PLY when anything was trained since the last save. */
    @Override
    public void close() {
        try {
            if (trainer.iteration() > startIteration && savedIteration != trainer.iteration()) {
                saveAll();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            trainer.close();
            model.close();
        }
    }
}
