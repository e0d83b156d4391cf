package dev.glimpse.optimize.reference;

/**
 * Gradients of a scalar loss w.r.t. the stored Gaussian parameters (same shapes as {@link RefGaussians}),
 * plus the screen-space gradients they were chained from. {@code v_quats} is w.r.t. the stored,
 * UNnormalised quaternion; {@code v_sh} rows above the active SH degree are zero.
 */
public final class RefGradients {

    public final double[][] v_means;      // [N][3]
    public final double[][] v_logScales;  // [N][3]
    public final double[][] v_quats;      // [N][4]
    public final double[] v_logitOpacity; // [N]
    public final double[][][] v_sh;       // [N][K][3]
    public final RefRasterGrads screen;   // v_uv, v_conic, v_color, v_opacity, v_depth per Gaussian

    RefGradients(int n, int coefficients, RefRasterGrads screen) {
        v_means = new double[n][3];
        v_logScales = new double[n][3];
        v_quats = new double[n][4];
        v_logitOpacity = new double[n];
        v_sh = new double[n][coefficients][3];
        this.screen = screen;
    }
}
