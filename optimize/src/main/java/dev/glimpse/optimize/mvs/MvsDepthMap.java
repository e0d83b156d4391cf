package dev.glimpse.optimize.mvs;

import dev.glimpse.datasets.scene.DepthRange;

/**
 * The stereo result of one view: raw plane-sweep depth and confidence, how many other views agree with each
 * pixel, and the filtered depth a consumer should use: the mean of the agreeing depths where the pixel passed the
 * confidence and consistency thresholds, 0 elsewhere (its confidence is then 0 too). All maps are [H][W] float.
 *
 * @param sources indices into the stereo's view list of the views this one was matched against
 */
public record MvsDepthMap(MvsView view, DepthRange range, int[] sources, float[] rawDepth, float[] rawConfidence,
        int[] consistent, float[] depth, float[] confidence) {

    /** Pixels with a kept depth. */
    public int keptCount() {
        int n = 0;
        for (float d : depth) {
            if (d > 0) {
                n++;
            }
        }
        return n;
    }

    /** Pixels inside the view's mask (those the stereo tried). */
    public int maskedCount() {
        int n = 0;
        for (float m : view.mask()) {
            if (m > 0.5f) {
                n++;
            }
        }
        return n;
    }
}
