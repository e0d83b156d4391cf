package dev.glimpse.optimize.train;

/**
 * The reference's densification thresholds for one densify step, converted to the spaces the kernels compare in
 * (log-scales and logit opacity), so that GPU and any reference implementation round identically.
 *
 * @param gradThreshold     mean NDC screen-gradient norm at or above which a Gaussian grows
 * @param cloneMaxLogScale  log(percentDense * extent): growth clones at or below this largest log-scale, splits
 *                          above
 * @param pruneLogitOpacity logit(pruneOpacity): outputs with a lower logit opacity are removed
 * @param sizePrune         whether the size rules apply (the reference: after the first opacity reset)
 * @param maxScreenRadius   pixels; outputs with a larger max screen radius are removed when sizePrune
 * @param maxWorldLogScale  log(0.1 * extent); outputs with a larger largest log-scale are removed when sizePrune
 * @param growthBudget      how many Gaussians may grow (in index order) before the cap is reached
 */
public record DensifyThresholds(float gradThreshold, float cloneMaxLogScale, float pruneLogitOpacity,
        boolean sizePrune, float maxScreenRadius, float maxWorldLogScale, int growthBudget) {
    /** Shrink of split children: scale / (0.8 * 2), the reference's for two children. */
    public static final float SPLIT_LOG_SHRINK = (float) Math.log(1.6);

    /** The thresholds of {@code config} for a scene of {@code extent}. */
    public static DensifyThresholds of(TrainConfig.Densify config, double extent, boolean sizePrune,
                                       int growthBudget) {
        return new DensifyThresholds((float) config.gradThreshold, (float) Math.log(config.percentDense * extent),
                (float) logit(config.pruneOpacity), sizePrune, (float) config.maxScreenSize,
                (float) Math.log(0.1 * extent), Math.max(0, growthBudget));
    }

    public static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
