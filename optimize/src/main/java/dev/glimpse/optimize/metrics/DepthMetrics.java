package dev.glimpse.optimize.metrics;

/**
 * Depth errors against ground truth over the pixels where the ground truth is valid (finite, > 0):
 * AbsRel = mean |d - gt| / gt, RMSE, and the share of pixels with max(d / gt, gt / d) < 1.05. A predicted depth that
 * is not positive (nothing rendered there) counts as a miss for the share and with its value for the errors.
 *
 * @param absRel     mean absolute relative error
 * @param rmse       root mean square error, in world units
 * @param within105  share in [0, 1] of pixels within 5 % of the ground truth
 * @param pixels     number of valid ground-truth pixels evaluated
 */
public record DepthMetrics(double absRel, double rmse, double within105, long pixels) {
    /** Compares two depth maps of equal size; {@code mask} (nullable) further restricts the pixels. */
    public static DepthMetrics of(float[] predicted, float[] truth, boolean[] mask) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException("depth maps differ in size");
        }
        double abs = 0, sq = 0;
        long good = 0, n = 0;
        for (int i = 0; i < truth.length; i++) {
            float t = truth[i];
            if (!(t > 0) || !Float.isFinite(t) || (mask != null && !mask[i])) {
                continue;
            }
            double d = predicted[i];
            abs += Math.abs(d - t) / t;
            sq += (d - t) * (d - t);
            if (d > 0 && Math.max(d / t, t / d) < 1.05) {
                good++;
            }
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no valid ground-truth depth to compare against");
        }
        return new DepthMetrics(abs / n, Math.sqrt(sq / n), (double) good / n, n);
    }
}
