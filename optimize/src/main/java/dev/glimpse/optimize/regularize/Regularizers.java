package dev.glimpse.optimize.regularize;

import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;
import dev.glimpse.optimize.splat.RasterOutput;
import dev.glimpse.optimize.splat.SplatCamera;
import dev.glimpse.optimize.train.GaussianModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The few-view regularisers of one fit, driven by the trainer each iteration: depth terms on the training view's
 * render (sparse points, stereo, dense prior correlations), the smoothness of a pseudo view, the per-Gaussian
 * penalties, and depth-aware pruning before density control. Holds the per-view prior maps on the GPU. The
 * depth and alpha cotangents it fills are valid until the next call that fills them.
 */
public final class Regularizers implements AutoCloseable {
    private final RegularizeConfig config;
    private final double extent;
    private final long seed;
    private final List<GpuBuffer> sparse = new ArrayList<>();  // per view: [H][W][2] or null
    private final List<GpuBuffer> mvs = new ArrayList<>();     // per view: [H][W][2] or null
    private final List<GpuBuffer> prior = new ArrayList<>();   // per view: [H][W] or null
    private final int[] sparseCounts;
    private final int[] mvsCounts;
    private final DepthTargetLoss targetLoss;
    private final DepthPearsonLoss pearson;
    private final DepthSmoothnessLoss smoothness;
    private final GaussianRegularizers gaussianTerms;
    private final FreeSpaceCarving carving;      // null unless carving
    private final PseudoCameras pseudo;          // null unless pseudo views
    private final GpuBuffer vDepth;              // [H][W] float, largest view
    private final GpuBuffer vAlpha;              // [H][W] float
    private final GpuBuffer stats;               // [RegularizerStats.WORDS] float

    /**
     * @param cameras training cameras, aligned with {@code priors}
     * @param extent  scene extent (size penalty)
     */
    public Regularizers(GlContext ctx, RegularizeConfig config, List<Camera> cameras, List<ViewPriors> priors,
            double extent, long seed) {
        this.config = config;
        this.extent = extent;
        this.seed = seed;
        int n = priors.size();
        sparseCounts = new int[n];
        mvsCounts = new int[n];
        int maxPixels = 1;
        List<FreeSpaceCarving.View> carveViews = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            ViewPriors p = priors.get(v);
            maxPixels = Math.max(maxPixels, cameras.get(v).width() * cameras.get(v).height());
            boolean useSparse = config.sparseDepth > 0 && p.sparseTarget() != null;
            boolean useMvs = config.mvsDepth > 0 && p.mvsTarget() != null;
            sparse.add(useSparse ? GpuBuffer.of(ctx, "sparse depth target " + v, p.sparseTarget()) : null);
            mvs.add(useMvs ? GpuBuffer.of(ctx, "stereo depth target " + v, p.mvsTarget()) : null);
            float[] dense = densePrior(p);
            prior.add(dense != null ? GpuBuffer.of(ctx, "dense depth prior " + v, dense) : null);
            sparseCounts[v] = useSparse ? ViewPriors.targetCount(p.sparseTarget()) : 0;
            mvsCounts[v] = useMvs ? ViewPriors.targetCount(p.mvsTarget()) : 0;
            carveViews.add(new FreeSpaceCarving.View(SplatCamera.of(cameras.get(v)), p.mask(),
                    p.mvsTarget() != null ? ViewPriors.depthOf(p.mvsTarget()) : null));
        }
        targetLoss = new DepthTargetLoss(ctx);
        pearson = new DepthPearsonLoss(ctx);
        smoothness = new DepthSmoothnessLoss(ctx);
        gaussianTerms = new GaussianRegularizers(ctx);
        carving = config.carve ? new FreeSpaceCarving(ctx, carveViews) : null;
        pseudo = config.pseudoViews > 0 && cameras.size() >= 2 ? new PseudoCameras(cameras, seed) : null;
        vDepth = GpuBuffer.create(ctx, 4L * maxPixels, "v_depth");
        vAlpha = GpuBuffer.create(ctx, 4L * maxPixels, "v_alpha");
        stats = RegularizerStats.createBuffer(ctx);
        stats.clear();
    }

    private float[] densePrior(ViewPriors p) {
        if (config.depthPriorGlobal <= 0 && config.depthPriorLocal <= 0) {
            return null;
        }
        return switch (config.depthPrior) {
            case "dataset" -> p.densePrior();
            case "mvs" -> p.mvsTarget() != null ? ViewPriors.depthOf(p.mvsTarget()) : null;
            default -> null;
        };
    }

    /** Zeroes the loss values (call at the start of an iteration that will report them). */
    public void resetStats() {
        stats.clear();
    }

    public RegularizerStats readStats() {
        return RegularizerStats.read(stats);
    }

    /** [H][W] float depth cotangent of the last filled view. */
    public GpuBuffer vDepth() {
        return vDepth;
    }

    /** [H][W] float alpha cotangent of the last filled view. */
    public GpuBuffer vAlpha() {
        return vAlpha;
    }

    /**
     * Runs the depth terms of training view {@code view} on its render into {@link #vDepth()} / {@link #vAlpha()};
     * false (cotangents untouched) when no term applies to this view at this iteration.
     */
    public boolean trainingViewTerms(int iteration, int view, RasterOutput out, boolean report) {
        if (!config.activeAt(iteration)) {
            return false;
        }
        boolean any = sparse.get(view) != null || mvs.get(view) != null || prior.get(view) != null;
        if (!any) {
            return false;
        }
        clearCotangents(out);
        DepthTermBindings.Cotangents v = new DepthTermBindings.Cotangents(vDepth, vAlpha);
        DepthTermBindings.Rendered in = DepthTermBindings.Rendered.of(out);
        float alphaMin = (float) config.alphaMin;
        if (sparse.get(view) != null && sparseCounts[view] > 0) {
            targetLoss.run(in, sparse.get(view), (float) config.sparseSigma,
                    (float) (config.sparseDepth / sparseCounts[view]), v, stats,
                    slot(report, RegularizerStats.SPARSE), alphaMin);
        }
        if (mvs.get(view) != null && mvsCounts[view] > 0) {
            targetLoss.run(in, mvs.get(view), (float) config.mvsSigma, (float) (config.mvsDepth / mvsCounts[view]),
                    v, stats, slot(report, RegularizerStats.MVS), alphaMin);
        }
        if (prior.get(view) != null) {
            if (config.depthPriorGlobal > 0) {
                pearson.run(in, prior.get(view), 0, 0, 0, (float) config.depthPriorGlobal, v, stats,
                        slot(report, RegularizerStats.PRIOR_GLOBAL), alphaMin);
            }
            if (config.depthPriorLocal > 0) {
                SplittableRandom r = new SplittableRandom(seed * 31 + iteration);
                pearson.run(in, prior.get(view), config.patchSize, r.nextInt(config.patchSize),
                        r.nextInt(config.patchSize), (float) config.depthPriorLocal, v, stats,
                        slot(report, RegularizerStats.PRIOR_LOCAL), alphaMin);
            }
        }
        return true;
    }

    /** The pseudo camera of this iteration, or null when none is due. */
    public SplatCamera pseudoCamera(int iteration) {
        if (pseudo == null || !config.activeAt(iteration) || iteration % config.pseudoEvery != 0) {
            return null;
        }
        return pseudo.at(iteration);
    }

    /** The smoothness term of a pseudo view's render into the cotangents (cleared first). */
    public void pseudoViewTerms(RasterOutput out, boolean report) {
        clearCotangents(out);
        smoothness.run(DepthTermBindings.Rendered.of(out), (float) config.pseudoViews, (float) config.pseudoEdgeGain,
                new DepthTermBindings.Cotangents(vDepth, vAlpha), stats, slot(report, RegularizerStats.PSEUDO),
                (float) config.alphaMin);
    }

    /** Adds the per-Gaussian penalties to the model's gradients. */
    public void gaussianTerms(GaussianModel model, boolean report) {
        if (GaussianRegularizers.any(config)) {
            gaussianTerms.run(model, config, extent, stats, slot(report, RegularizerStats.GAUSSIANS));
        }
    }

    /** Depth-aware pruning: marks floaters below {@code pruneLogit} so the next density step removes them. */
    public void carve(GaussianModel model, float pruneLogit) {
        if (carving != null) {
            carving.run(model, (float) config.carveMargin, pruneLogit - 1);
        }
    }

    /** Gaussians the last {@link #carve} marked (a readback; 0 without carving). */
    public int lastCarved() {
        return carving == null ? 0 : carving.lastCount();
    }

    private void clearCotangents(RasterOutput out) {
        long bytes = 4L * out.camera().pixels();
        vDepth.fill(0, bytes, 0);
        vAlpha.fill(0, bytes, 0);
    }

    private static int slot(boolean report, int slot) {
        return report ? slot : -1;
    }

    @Override
    public void close() {
        for (List<GpuBuffer> list : List.of(sparse, mvs, prior)) {
            for (GpuBuffer b : list) {
                if (b != null) {
                    b.close();
                }
            }
        }
        targetLoss.close();
        pearson.close();
        smoothness.close();
        gaussianTerms.close();
        if (carving != null) {
            carving.close();
        }
        vDepth.close();
        vAlpha.close();
        stats.close();
    }
}
