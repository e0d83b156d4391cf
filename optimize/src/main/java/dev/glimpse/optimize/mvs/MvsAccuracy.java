package dev.glimpse.optimize.mvs;

/**
 * How good kept stereo depths are against ground-truth depth, over the pixels where the ground truth is valid:
 * the share of them that kept a depth, and of those the share within {@code tolerance} relative error, and the
 * mean relative error. Summed over views by {@link #plus}.
 *
 * @param truthPixels pixels with valid ground truth
 * @param keptPixels  of those, pixels with a kept stereo depth
 * @param goodPixels  of those, pixels within the tolerance
 * @param relErrorSum sum of |d - gt| / gt over the kept pixels
 */
public record MvsAccuracy(long truthPixels, long keptPixels, long goodPixels, double relErrorSum, double tolerance) {

    public static MvsAccuracy of(float[] depth, float[] truth, double tolerance) {
        if (depth.length != truth.length) {
            throw new IllegalArgumentException("depth maps differ in size");
        }
        long t = 0, k = 0, g = 0;
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            if (!(truth[i] > 0) || !Float.isFinite(truth[i])) {
                continue;
            }
            t++;
            if (depth[i] > 0) {
                k++;
                double rel = Math.abs(depth[i] - truth[i]) / truth[i];
                sum += rel;
                if (rel <= tolerance) {
                    g++;
                }
            }
        }
        return new MvsAccuracy(t, k, g, sum, tolerance);
    }

    public MvsAccuracy plus(MvsAccuracy o) {
        return new MvsAccuracy(truthPixels + o.truthPixels, keptPixels + o.keptPixels, goodPixels + o.goodPixels,
                relErrorSum + o.relErrorSum, tolerance);
    }

    /** Share of ground-truth pixels that kept a depth. */
    public double keptShare() {
        return truthPixels == 0 ? 0 : (double) keptPixels / truthPixels;
    }

    /** Share of kept pixels within the tolerance. */
    public double accurateShare() {
        return keptPixels == 0 ? 0 : (double) goodPixels / keptPixels;
    }

    public double meanRelativeError() {
        return keptPixels == 0 ? Double.NaN : relErrorSum / keptPixels;
    }
}
