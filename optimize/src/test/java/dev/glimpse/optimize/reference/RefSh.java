package dev.glimpse.optimize.reference;

/**
 * Real spherical-harmonics colour of the reference pipeline (degrees 0..3, basis and constants exactly as in
 * SPLATTING.md), with its VJP. Coefficient k of a Gaussian is {@code sh[k][channel]}, k = 0 .. (deg+1)^2 - 1.
 */
public final class RefSh {

    static final double C0 = 0.28209479177387814;
    static final double C1 = 0.4886025119029199;
    static final double[] C2 = {
        1.0925484305920792, -1.0925484305920792, 0.31539156525252005, -1.0925484305920792, 0.5462742152960396,
    };
    static final double[] C3 = {
        -0.5900435899266435, 2.890611442640554, -0.4570457994644658, 0.3731763325901154,
        -0.4570457994644658, 1.445305721320277, -0.5900435899266435,
    };

    private RefSh() {
    }

    /** Number of coefficients per channel for a degree: (deg + 1)^2. */
    public static int coefficientCount(int degree) {
        return (degree + 1) * (degree + 1);
    }

    /** Basis values [(deg+1)^2] at the unit direction d = (x, y, z). */
    public static double[] basis(int degree, double[] d) {
        double x = d[0];
        double y = d[1];
        double z = d[2];
        double xx = x * x;
        double yy = y * y;
        double zz = z * z;
        double[] b = new double[coefficientCount(degree)];
        b[0] = C0;
        if (degree >= 1) {
            b[1] = -C1 * y;
            b[2] = C1 * z;
            b[3] = -C1 * x;
        }
        if (degree >= 2) {
            b[4] = C2[0] * x * y;
            b[5] = C2[1] * y * z;
            b[6] = C2[2] * (2 * zz - xx - yy);
            b[7] = C2[3] * x * z;
            b[8] = C2[4] * (xx - yy);
        }
        if (degree >= 3) {
            b[9] = C3[0] * y * (3 * xx - yy);
            b[10] = C3[1] * x * y * z;
            b[11] = C3[2] * y * (4 * zz - xx - yy);
            b[12] = C3[3] * z * (2 * zz - 3 * xx - 3 * yy);
            b[13] = C3[4] * x * (4 * zz - xx - yy);
            b[14] = C3[5] * z * (xx - yy);
            b[15] = C3[6] * x * (xx - 3 * yy);
        }
        return b;
    }

    /**
     * Partial derivatives [(deg+1)^2][3] of each basis function w.r.t. the direction components, treating
     * x, y, z as independent (the unit-length constraint is applied by the caller's normalisation VJP).
     */
    public static double[][] basisGradient(int degree, double[] d) {
        double x = d[0];
        double y = d[1];
        double z = d[2];
        double xx = x * x;
        double yy = y * y;
        double zz = z * z;
        double[][] g = new double[coefficientCount(degree)][];
        g[0] = new double[] {0, 0, 0};
        if (degree >= 1) {
            g[1] = new double[] {0, -C1, 0};
            g[2] = new double[] {0, 0, C1};
            g[3] = new double[] {-C1, 0, 0};
        }
        if (degree >= 2) {
            g[4] = scaled(C2[0], y, x, 0);
            g[5] = scaled(C2[1], 0, z, y);
            g[6] = scaled(C2[2], -2 * x, -2 * y, 4 * z);
            g[7] = scaled(C2[3], z, 0, x);
            g[8] = scaled(C2[4], 2 * x, -2 * y, 0);
        }
        if (degree >= 3) {
            g[9] = scaled(C3[0], 6 * x * y, 3 * xx - 3 * yy, 0);
            g[10] = scaled(C3[1], y * z, x * z, x * y);
            g[11] = scaled(C3[2], -2 * x * y, 4 * zz - xx - 3 * yy, 8 * y * z);
            g[12] = scaled(C3[3], -6 * x * z, -6 * y * z, 6 * zz - 3 * xx - 3 * yy);
            g[13] = scaled(C3[4], 4 * zz - 3 * xx - yy, -2 * x * y, 8 * x * z);
            g[14] = scaled(C3[5], 2 * x * z, -2 * y * z, xx - yy);
            g[15] = scaled(C3[6], 3 * xx - 3 * yy, -6 * x * y, 0);
        }
        return g;
    }

    /**
     * Unclamped colour sum_k basis_k(d) sh[k] + 0.5 [3] using only the first (activeDegree+1)^2 coefficients
     * of {@code sh} [K][3]; d must be a unit vector.
     */
    public static double[] shColor(int activeDegree, double[][] sh, double[] d) {
        double[] b = basis(activeDegree, d);
        double[] c = {0.5, 0.5, 0.5};
        for (int k = 0; k < b.length; k++) {
            for (int ch = 0; ch < 3; ch++) {
                c[ch] += b[k] * sh[k][ch];
            }
        }
        return c;
    }

    /**
     * VJP of {@link #shColor}: given v_color [3] returns {@code {v_d [1][3], v_sh [K][3]}} as one array whose
     * element 0 is the direction gradient (length 3, components treated as independent) and elements 1..K'
     * are v_sh rows for the active coefficients (K' = (activeDegree+1)^2); rows beyond K' of the stored set
     * are untouched by the caller and stay zero.
     */
    public static double[][] shColorVjp(int activeDegree, double[][] sh, double[] d, double[] v_color) {
        double[] b = basis(activeDegree, d);
        double[][] gb = basisGradient(activeDegree, d);
        double[][] out = new double[1 + b.length][];
        double[] v_d = new double[3];
        for (int k = 0; k < b.length; k++) {
            double[] v_shk = new double[3];
            double dot = 0;
            for (int ch = 0; ch < 3; ch++) {
                v_shk[ch] = b[k] * v_color[ch];
                dot += sh[k][ch] * v_color[ch];
            }
            out[1 + k] = v_shk;
            for (int a = 0; a < 3; a++) {
                v_d[a] += dot * gb[k][a];
            }
        }
        out[0] = v_d;
        return out;
    }

    private static double[] scaled(double s, double a, double b, double c) {
        return new double[] {s * a, s * b, s * c};
    }
}
