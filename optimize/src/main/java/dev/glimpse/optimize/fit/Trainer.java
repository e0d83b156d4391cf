package dev.glimpse.optimize.fit;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.gpu.GpuTimer;
import dev.glimpse.optimize.splat.RasterOutput;
import dev.glimpse.optimize.regularize.RegularizerStats;
import dev.glimpse.optimize.regularize.Regularizers;
import dev.glimpse.optimize.splat.SplatCamera;
import dev.glimpse.optimize.splat.SplatRasterizer;
import dev.glimpse.optimize.train.Adam;
import dev.glimpse.optimize.train.DefaultDensification;
import dev.glimpse.optimize.train.DensifyThresholds;
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
    public record Progress(int iteration, int iterations, LossStats loss, RegularizerStats regularizers, int gaussians,
            double iterationsPerSecond) {}

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
    private final Regularizers regularizers; // nullable: plain Gaussian splatting
    private final GpuBuffer vRgbNone; // [h][w][3] float zeros: pseudo views have no colour loss
    private int iteration;

    /**
     * @param model     the Gaussians to optimise (initialised or restored); the trainer does not close it
     * @param iteration iterations already done (0 for a new fit, the checkpoint's for a resumed one)
     * @param timer     optional per-stage GPU timer
     */
    public Trainer(GlContext ctx, TrainConfig config, FitViews views, GaussianModel model, int iteration,
            GpuTimer timer) {
        this(ctx, config, views, model, iteration, timer, null);
    }

    /** @param priors per-view depth knowledge for the regularisers (null: none) */
    public Trainer(GlContext ctx, TrainConfig config, FitViews views, GaussianModel model, int iteration,
            GpuTimer timer, FitPriors priors) {
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
        regularizers = priors == null ? null : new Regularizers(ctx, config.regularize,
                views.train().stream().map(v -> views.scene().views().get(v.index()).camera()).toList(),
                priors.views(), extent, config.seed);
        vRgbNone = GpuBuffer.create(ctx, 12L * maxPixels, "v_rgb of pseudo views");
        vRgbNone.clear();
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
            boolean report = reports(iteration);
            if (report && listener != null) {
                double seconds = (System.nanoTime() - start) * 1e-9;
                listener.onProgress(new Progress(iteration, config.iterations, LossStats.read(stats),
                        regularizers == null ? null : regularizers.readStats(), model.count(),
                        (iteration - startIteration) / Math.max(seconds, 1e-9)));
            }
            int every = config.output.checkpointEvery;
            if (checkpoint != null && every > 0 && iteration % every == 0 && iteration < config.iterations) {
                checkpoint.accept(iteration);
            }
        }
        return iteration;
    }

    private boolean reports(int it) {
        return it % REPORT_EVERY == 0 || it == config.iterations;
    }

    /**
     * One iteration (1-based, as the reference counts): render a training view, photometric and depth losses,
     * backward; density statistics; a pseudo view's smoothness (when due); per-Gaussian penalties; depth-aware
     * pruning before density control; Adam.
     */
    void step() {
        int it = iteration + 1;
        int viewIndex = viewOf(it);
        FitViews.FitView view = views.train().get(viewIndex);
        int active = Math.min(model.shDegree(), it / config.data.shDegreeInterval);
        int w = view.camera().width();
        int h = view.camera().height();
        boolean report = reports(it);
        try (var s = stage("zero")) {
            model.zeroGradients();
            vUv.ensureCapacity(8L * Math.max(1, model.count()));
            vUv.clear();
            if (report && regularizers != null) {
                regularizers.resetStats();
            }
        }
        RasterOutput out = rasterizer.forward(model.params(), active, view.camera(), background);
        boolean depthTerms;
        try (var s = stage("loss")) {
            loss.run(out.rgb(), targets.get(viewIndex), null, w, h, (float) config.loss.lambdaDssim, stats, vRgb);
            depthTerms = regularizers != null && regularizers.trainingViewTerms(it, viewIndex, out, report);
        }
        rasterizer.backward(out, vRgb, depthTerms ? regularizers.vAlpha() : null,
                depthTerms ? regularizers.vDepth() : null, model.grads(), vUv);
        try (var s = stage("densify")) {
            density.afterBackward(it, model, vUv, out.radii(), w, h);
        }
        if (regularizers != null) {
            try (var s = stage("regularize")) {
                regularize(it, active, report);
            }
        }
        boolean rebuilt;
        try (var s = stage("densify")) {
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

    /** The pseudo view, the per-Gaussian penalties and, before a density step, depth-aware pruning. */
    private void regularize(int it, int active, boolean report) {
        SplatCamera pseudo = regularizers.pseudoCamera(it);
        if (pseudo != null) {
            RasterOutput po = rasterizer.forward(model.params(), active, pseudo, background);
            regularizers.pseudoViewTerms(po, report);
            rasterizer.backward(po, vRgbNone, regularizers.vAlpha(), regularizers.vDepth(), model.grads(), null);
        }
        regularizers.gaussianTerms(model, report);
        if (density.densifiesAt(it)) {
            regularizers.carve(model, (float) DensifyThresholds.logit(config.densify.pruneOpacity));
        }
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
    public RasterOutput render(SplatCamera camera) {
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
        vRgbNone.close();
        if (regularizers != null) {
            regularizers.close();
        }
        vUv.close();
    }
}
