package dev.glimpse.optimize.fit;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.gpu.GpuTimer;
import dev.glimpse.optimize.splat.RasterOutput;
import dev.glimpse.optimize.splat.SplatRasterizer;
import dev.glimpse.optimize.train.Adam;
import dev.glimpse.optimize.train.DefaultDensification;
import dev.glimpse.optimize.train.DensityStrategy;
import dev.glimpse.optimize.train.GaussianModel;
import dev.glimpse.optimize.train.LearningRateSchedule;
import dev.glimpse.optimize.train.LossStats;
import dev.glimpse.optimize.train.PhotometricLoss;
import dev.glimpse.optimize.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The optimisation loop of a fit: each iteration renders one training view, computes the photometric loss and its
 * gradient, back-propagates through the rasteriser, lets the density strategy record statistics and change the
 * set, and takes an Adam step, in the order of the 3D Gaussian splatting reference. Everything stays on the GPU;
 * the only readback of an ordinary iteration is the rasteriser's intersection count, and the loss is read back only
 * on iterations that report progress.
 */
public final class Trainer implements AutoCloseable {
    /** Iterations between progress reports (each costs one extra readback). */
    public static final int REPORT_EVERY = 10;

    /** What a listener hears after reported iterations. */
    public record Progress(int iteration, int iterations, LossStats loss, int gaussians, double iterationsPerSecond) {}

    /** Receives progress; called on the training thread. */
    public interface Listener {
        void onProgress(Progress p);
    }

    private final TrainConfig config;
    private final FitViews views;
    private final GaussianModel model;
    private final SplatRasterizer rasterizer;
    private final PhotometricLoss loss;
    private final Adam adam;
    private final DensityStrategy density;
    private final LearningRateSchedule schedule;
    private final List<GpuBuffer> targets = new ArrayList<>(); // per training view: [h][w][3] float
    private final GpuBuffer stats;
    private final GpuBuffer vRgb; // [h][w][3] float, largest training view
    private final GpuBuffer vUv;  // [capacity][2] float, screen-space mean gradients of one view
    private final float[] background;
    private final GpuTimer timer; // nullable
    private int iteration;

    /**
     * @param model     the Gaussians to optimise (initialised or restored); the trainer does not close it
     * @param iteration iterations already done (0 for a new fit, the checkpoint's for a resumed one)
     * @param timer     optional per-stage GPU timer
     */
    public Trainer(GlContext ctx, TrainConfig config, FitViews views, GaussianModel model, int iteration,
            GpuTimer timer) {
        this.config = config;
        this.views = views;
        this.model = model;
        this.iteration = iteration;
        this.background = config.data.background.clone();
        this.timer = timer;
        rasterizer = new SplatRasterizer(ctx, timer);
        loss = new PhotometricLoss(ctx);
        adam = new Adam(ctx);
        adam.setStep(iteration);
        double extent = trainingExtent(views);
        boolean white = background[0] == 1 && background[1] == 1 && background[2] == 1;
        density = new DefaultDensification(ctx, config, extent, white);
        schedule = new LearningRateSchedule(config.learningRates, extent, config.iterations);
        int maxPixels = 0;
        for (FitViews.FitView v : views.train()) {
            targets.add(GpuBuffer.of(ctx, "target " + v.name(), v.rgb()));
            maxPixels = Math.max(maxPixels, v.camera().pixels());
        }
        stats = LossStats.createBuffer(ctx, "train loss stats");
        vRgb = GpuBuffer.create(ctx, 12L * maxPixels, "v_rgb");
        vUv = GpuBuffer.create(ctx, 8L * Math.max(1, model.capacity()), "v_uv");
    }

    /**
     * The scene extent of the training cameras: 1.1 x the largest distance of a training camera centre from their
     * mean (the reference computes it on the training cameras only, so with few views it is their spread).
     * Falls back to the whole scene's extent when the training cameras coincide (a single view).
     */
    static double trainingExtent(FitViews views) {
        double[] mean = new double[3];
        for (FitViews.FitView v : views.train()) {
            for (int a = 0; a < 3; a++) {
                mean[a] += v.camera().centre()[a] / views.train().size();
            }
        }
        double max = 0;
        for (FitViews.FitView v : views.train()) {
            double d = 0;
            for (int a = 0; a < 3; a++) {
                double e = v.camera().centre()[a] - mean[a];
                d += e * e;
            }
            max = Math.max(max, Math.sqrt(d));
        }
        return max > 1e-6 ? 1.1 * max : views.scene().bounds().extent();
    }

    public int iteration() {
        return iteration;
    }

    public GaussianModel model() {
        return model;
    }

    public Adam adam() {
        return adam;
    }

    /**
     * Runs until the configured iteration count or until {@code stop} says so (checked before every iteration, so
     * a stop request ends the loop within one iteration with the model in a consistent state).
     *
     * @param checkpoint called with the iteration number every {@code output.checkpointEvery} iterations
     * @return the iteration reached
     */
    public int run(BooleanSupplier stop, Listener listener, java.util.function.IntConsumer checkpoint) {
        long start = System.nanoTime();
        int startIteration = iteration;
        while (iteration < config.iterations && !stop.getAsBoolean()) {
            step();
            boolean report = iteration % REPORT_EVERY == 0 || iteration == config.iterations;
            if (report && listener != null) {
                double seconds = (System.nanoTime() - start) * 1e-9;
                listener.onProgress(new Progress(iteration, config.iterations, LossStats.read(stats), model.count(),
                        (iteration - startIteration) / Math.max(seconds, 1e-9)));
            }
            int every = config.output.checkpointEvery;
            if (checkpoint != null && every > 0 && iteration % every == 0 && iteration < config.iterations) {
                checkpoint.accept(iteration);
            }
        }
        return iteration;
    }

    /** One iteration (1-based, as the reference counts). */
    void step() {
        int it = iteration + 1;
        int viewIndex = viewOf(it);
        FitViews.FitView view = views.train().get(viewIndex);
        int active = Math.min(model.shDegree(), it / config.data.shDegreeInterval);
        int w = view.camera().width();
        int h = view.camera().height();
        try (var s = stage("zero")) {
            model.zeroGradients();
            vUv.ensureCapacity(8L * Math.max(1, model.count()));
            vUv.clear();
        }
        RasterOutput out = rasterizer.forward(model.params(), active, view.camera(), background);
        try (var s = stage("loss")) {
            loss.run(out.rgb(), targets.get(viewIndex), null, w, h, (float) config.loss.lambdaDssim, stats, vRgb);
        }
        rasterizer.backward(out, vRgb, null, null, model.grads(), vUv);
        boolean rebuilt;
        try (var s = stage("densify")) {
            density.afterBackward(it, model, vUv, out.radii(), w, h);
            rebuilt = density.beforeOptimizerStep(it, model);
        }
        // When the set was rebuilt its gradients are gone; the reference skips that iteration's update.
        if (!rebuilt) {
            try (var s = stage("adam")) {
                adam.step(model, schedule, it);
            }
        }
        iteration = it;
    }

    /** A timed stage when a timer is attached, else nothing (try-with-resources accepts null). */
    private GpuTimer.Stage stage(String name) {
        return timer == null ? null : timer.stage(name);
    }

    /**
     * The training view of an iteration: views are visited in random order without replacement, a fresh
     * permutation each pass (the reference's camera stack). Each pass's permutation comes from (seed, pass), so a
     * resumed fit continues the very sequence it was in.
     */
    int viewOf(int it) {
        int n = views.train().size();
        int pass = (it - 1) / n;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(config.seed * 1_000_003L + pass);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order[(it - 1) % n];
    }

    /** Renders a camera with the current model (evaluation, previews). The output is valid until the next render. */
    public RasterOutput render(dev.glimpse.optimize.splat.SplatCamera camera) {
        return rasterizer.forward(model.params(), model.shDegree(), camera, background);
    }

    public SplatRasterizer rasterizer() {
        return rasterizer;
    }

    @Override
    public void close() {
        density.close();
        adam.close();
        loss.close();
        rasterizer.close();
        for (GpuBuffer t : targets) {
            t.close();
        }
        stats.close();
        vRgb.close();
        vUv.close();
    }
}
