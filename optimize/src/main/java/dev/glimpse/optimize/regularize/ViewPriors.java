package dev.glimpse.optimize.regularize;

/**
 * What a training view knows about depth besides its image, for the regularisers. Maps are [H][W] row-major;
 * any may be null when the fit has no such source.
 *
 * @param sparseTarget [H][W][2] (depth, weight) at the pixels of the SfM points the training views saw
 * @param mvsTarget    [H][W][2] (depth, confidence) of the filtered stereo depth, confidence 0 where none
 * @param densePrior   [H][W] depth prior for the correlation terms, 0 where none
 * @param mask         [H][W] 1 where the view shows the scene (dataset mask or alpha), 0 for background
 */
public record ViewPriors(float[] sparseTarget, float[] mvsTarget, float[] densePrior, float[] mask) {

    /** Number of pixels with a target (weight > 0) in a [H][W][2] map. */
    static int targetCount(float[] target) {
        int n = 0;
        for (int i = 1; i < target.length; i += 2) {
            if (target[i] > 0) {
                n++;
            }
        }
        return n;
    }

    /** The depth channel of a [H][W][2] target map, 0 where the weight is 0. */
    static float[] depthOf(float[] target) {
        float[] d = new float[target.length / 2];
        for (int i = 0; i < d.length; i++) {
            d[i] = target[2 * i + 1] > 0 ? target[2 * i] : 0;
        }
        return d;
    }
}
