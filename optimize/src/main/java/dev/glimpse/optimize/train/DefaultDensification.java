package dev.glimpse.optimize.train;

import dev.glimpse.optimize.gpu.GlContext;
import dev.glimpse.optimize.gpu.GpuBuffer;

/**
 * The 3D Gaussian splatting reference's adaptive density control: statistics of the screen-space positional
 * gradient while {@code iteration < until}; every {@code interval} iterations after {@code from}, clone small
 * Gaussians and split large ones whose mean gradient reaches the threshold, and prune the transparent (and,
 * after the first opacity reset, the oversized); every {@code opacityResetInterval} iterations, cap opacities
 * at 0.01. Growth stops at the Gaussian cap (candidates beyond it, in index order, are not grown).
 *
 * <p>Known difference: the reference zeroes its max-radius statistics inside the growth step, just before its
 * prune test, so its screen-size rule never removes anything; here the rule uses the radii as recorded.
 */
public final class DefaultDensification implements DensityStrategy {
    private final TrainConfig.Densify config;
    private final double extent;
    private final long seed;
    private final boolean whiteBackground;
    private final DensifyStatsKernel stats;
    private final DensifyPlanner planner;
    private final SplitSampler splitSampler;
    private final OpacityResetKernel opacityReset;

    /**
     * @param extent          scene extent (SPLATTING.md)
     * @param whiteBackground the reference also resets opacity at iteration {@code from} on white backgrounds
     */
    public DefaultDensification(GlContext ctx, TrainConfig config, double extent, boolean whiteBackground) {
        this.config = config.densify;
        this.extent = extent;
        this.seed = config.seed;
        this.whiteBackground = whiteBackground;
        stats = new DensifyStatsKernel(ctx);
        planner = new DensifyPlanner(ctx);
        splitSampler = new SplitSampler(ctx);
        opacityReset = new OpacityResetKernel(ctx);
    }

    @Override
    public void afterBackward(int iteration, GaussianModel model, GpuBuffer v_means2d, GpuBuffer radii, int width,
                              int height) {
        if (iteration < config.until) {
            stats.run(model, v_means2d, radii, width, height);
        }
    }

    @Override
    public boolean beforeOptimizerStep(int iteration, GaussianModel model) {
        if (iteration >= config.until) {
            return false;
        }
        boolean changed = false;
        if (densifiesAt(iteration)) {
            densify(model, iteration, iteration > config.opacityResetInterval);
            changed = true;
        }
        if (iteration % config.opacityResetInterval == 0 || (whiteBackground && iteration == config.from)) {
            resetOpacity(model);
            changed = true;
        }
        return changed;
    }

    @Override
    public boolean densifiesAt(int iteration) {
        return iteration < config.until && iteration > config.from && iteration % config.interval == 0;
    }

    /**
     * One clone / split / prune step; statistics, gradients of the new set are zeroed. Returns the new count.
     *
     * @param sizePrune whether the screen- and world-size prune rules apply
     */
    public int densify(GaussianModel model, int iteration, boolean sizePrune) {
        int cap = Math.min(config.maxGaussians, model.maxCapacity());
        DensifyThresholds t = DensifyThresholds.of(config, extent, sizePrune, cap - model.count());
        int newCount = planner.plan(model, t);
        model.rebuild(planner.sourceFromTarget(), newCount);
        splitSampler.run(model, planner.sourceFromTarget(), planner.actions(), seed, iteration);
        return newCount;
    }

    /** Caps opacities at 0.01 and zeroes the opacity moments. */
    public void resetOpacity(GaussianModel model) {
        opacityReset.run(model);
    }

    @Override
    public void close() {
        stats.close();
        planner.close();
        splitSampler.close();
        opacityReset.close();
    }
}
