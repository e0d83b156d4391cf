package dev.glimpse.render.view;

/**
 * Keeps camera moves responsive on slow devices: while the view changes, the splats are rendered at a lower
 * resolution chosen so a frame takes about {@link #TARGET_SECONDS}; once the camera has been still for
 * {@link #SETTLE_SECONDS}, one full-resolution render follows (and is then kept while nothing changes).
 */
final class AdaptiveResolution {
    static final double TARGET_SECONDS = 0.1;
    static final double SETTLE_SECONDS = 0.3;
    private static final float MIN_SCALE = 0.15f;

    private float motionScale = 1;
    private long lastRevision = Long.MIN_VALUE;
    private double stillFor;

    /**
     * The render scale for this frame.
     *
     * @param userScale      the panel's render scale (the most this returns)
     * @param cameraRevision changes whenever the view changes
     * @param lastFrame      seconds the previous frame took
     */
    float scale(float userScale, long cameraRevision, double lastFrame) {
        boolean moving = cameraRevision != lastRevision;
        lastRevision = cameraRevision;
        if (moving) {
            stillFor = 0;
            // Render cost grows with the pixel count, i.e. with the square of the scale.
            double factor = Math.sqrt(TARGET_SECONDS / Math.max(lastFrame, 1e-3));
            motionScale = (float) Math.max(MIN_SCALE, Math.min(userScale, motionScale * Math.min(1.5, factor)));
            return motionScale;
        }
        stillFor += lastFrame;
        return stillFor >= SETTLE_SECONDS ? userScale : Math.min(userScale, motionScale);
    }
}
