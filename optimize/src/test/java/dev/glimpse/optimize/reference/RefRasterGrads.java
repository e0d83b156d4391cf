package dev.glimpse.optimize.reference;

/**
 * Gradients of the loss w.r.t. the screen-space quantities of each Gaussian, as produced by the reference
 * rasteriser backward and consumed by the projection backward. Culled Gaussians have zero rows.
 * {@code v_uv} is also the statistic accumulated for densification.
 */
public final class RefRasterGrads {

    public final double[][] v_uv;      // [N][2] w.r.t. (u, v)
    public final double[][] v_conic;   // [N][3] w.r.t. (a, b, c) of the conic
    public final double[][] v_color;   // [N][3] w.r.t. the clamped colour
    public final double[] v_opacity;   // [N] w.r.t. sigmoid(logitOpacity), the value before the 0.99 clamp
    public final double[] v_depth;     // [N] w.r.t. camera-space t.z

    RefRasterGrads(int n) {
        v_uv = new double[n][2];
        v_conic = new double[n][3];
        v_color = new double[n][3];
        v_opacity = new double[n];
        v_depth = new double[n];
    }
}
