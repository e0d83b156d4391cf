package dev.glimpse.optimize.reference;

/**
 * Small double-precision helpers of the reference splatting pipeline, each forward function followed by
 * its vector-Jacobian product (VJP) so the GLSL include can be translated one to one.
 *
 * <p>Conventions: matrices are row-major {@code double[row][col]}; a matrix gradient {@code v_M} holds
 * dL/dM_ij for every entry treated as independent. A 2x2 symmetric matrix passed as three numbers is
 * {@code (a, b, c)} meaning {@code [[a, b], [b, c]]}; its gradient {@code (v_a, v_b, v_c)} is with respect to
 * those three numbers, so the off-diagonal gradient counts both off-diagonal entries.
 * Quaternions are {@code (w, x, y, z)}.
 */
public final class RefMath {

    private RefMath() {
    }

    /** Logistic sigmoid. */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** dL/dx given dL/dy where y = sigmoid(x). */
    public static double sigmoidVjp(double x, double v_y) {
        double s = sigmoid(x);
        return v_y * s * (1.0 - s);
    }

    /** Unit vector of {@code a} (any length: 3 for directions, 4 for quaternions). */
    public static double[] normalize(double[] a) {
        double n = norm(a);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / n;
        }
        return out;
    }

    /** VJP of {@link #normalize}: v_a = (v_out - n (n . v_out)) / |a| with n = a / |a|. */
    public static double[] normalizeVjp(double[] a, double[] v_out) {
        double len = norm(a);
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] / len * v_out[i];
        }
        double[] v_a = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            v_a[i] = (v_out[i] - a[i] / len * dot) / len;
        }
        return v_a;
    }

    /** Euclidean norm. */
    public static double norm(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Rotation matrix of a UNIT quaternion (w, x, y, z); the active rotation x' = R x. */
    public static double[][] quatToRotmat(double[] q) {
        double w = q[0];
        double x = q[1];
        double y = q[2];
        double z = q[3];
        return new double[][] {
            {1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)},
            {2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)},
            {2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)},
        };
    }

    /** VJP of {@link #quatToRotmat}: gradient w.r.t. the (unit) quaternion given v_R [3][3]. */
    public static double[] quatToRotmatVjp(double[] q, double[][] v_r) {
        double w = q[0];
        double x = q[1];
        double y = q[2];
        double z = q[3];
        double[][] g = v_r;
        double v_w = 2 * (-z * g[0][1] + y * g[0][2] + z * g[1][0] - x * g[1][2] - y * g[2][0] + x * g[2][1]);
        double v_x = 2 * (y * g[0][1] + z * g[0][2] + y * g[1][0] - 2 * x * g[1][1] - w * g[1][2]
                + z * g[2][0] + w * g[2][1] - 2 * x * g[2][2]);
        double v_y = 2 * (-2 * y * g[0][0] + x * g[0][1] + w * g[0][2] + x * g[1][0] + z * g[1][2]
                - w * g[2][0] + z * g[2][1] - 2 * y * g[2][2]);
        double v_z = 2 * (-2 * z * g[0][0] - w * g[0][1] + x * g[0][2] + w * g[1][0] - 2 * z * g[1][1]
                + y * g[1][2] + x * g[2][0] + y * g[2][1]);
        return new double[] {v_w, v_x, v_y, v_z};
    }

    /** World covariance Sigma = R S S^T R^T with R = R(unit q) and S = diag(scale). */
    public static double[][] covariance3d(double[] unitQuat, double[] scale) {
        double[][] m = rotTimesDiag(quatToRotmat(unitQuat), scale);
        return mul(m, transpose(m));
    }

    /**
     * VJP of {@link #covariance3d}. Returns {@code {v_unitQuat (4), v_scale (3)}}; {@code v_sigma} need not be
     * symmetric (both of its triangles are honoured).
     */
    public static double[][] covariance3dVjp(double[] unitQuat, double[] scale, double[][] v_sigma) {
        double[][] r = quatToRotmat(unitQuat);
        double[][] m = rotTimesDiag(r, scale);
        // Sigma = M M^T  =>  v_M = (v_Sigma + v_Sigma^T) M
        double[][] v_m = mul(add(v_sigma, transpose(v_sigma)), m);
        double[][] v_r = new double[3][3];
        double[] v_scale = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                v_r[i][j] = v_m[i][j] * scale[j];
                v_scale[j] += v_m[i][j] * r[i][j];
            }
        }
        return new double[][] {quatToRotmatVjp(unitQuat, v_r), v_scale};
    }

    /** Inverse of the symmetric 2x2 (a, b, c); caller guarantees det = ac - b^2 > 0. */
    public static double[] inverse2x2(double[] m) {
        double det = m[0] * m[2] - m[1] * m[1];
        return new double[] {m[2] / det, -m[1] / det, m[0] / det};
    }

    /**
     * VJP of {@link #inverse2x2}: v_M = -M^-1 V M^-1 with V the full-matrix gradient of the inverse
     * ({@code [[v_a, v_b/2], [v_b/2, v_c]]}); returned again as (v_a, v_b, v_c) of the symmetric input.
     */
    public static double[] inverse2x2Vjp(double[] m, double[] v_inv) {
        double[] inv = inverse2x2(m);
        double[][] p = {{inv[0], inv[1]}, {inv[1], inv[2]}};
        double[][] v = {{v_inv[0], 0.5 * v_inv[1]}, {0.5 * v_inv[1], v_inv[2]}};
        double[][] g = mul(mul(p, v), p);
        return new double[] {-g[0][0], -(g[0][1] + g[1][0]), -g[1][1]};
    }

    /** Largest eigenvalue of the symmetric 2x2 (a, b, c). */
    public static double largestEigenvalue2x2(double[] m) {
        double mid = 0.5 * (m[0] + m[2]);
        double det = m[0] * m[2] - m[1] * m[1];
        return mid + Math.sqrt(Math.max(0.0, mid * mid - det));
    }

    /** y = M x for a 3x3 M. */
    public static double[] mulVec(double[][] m, double[] x) {
        double[] y = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            for (int k = 0; k < x.length; k++) {
                y[i] += m[i][k] * x[k];
            }
        }
        return y;
    }

    /** y = M^T x. */
    public static double[] mulTransposeVec(double[][] m, double[] x) {
        double[] y = new double[m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int k = 0; k < y.length; k++) {
                y[k] += m[i][k] * x[i];
            }
        }
        return y;
    }

    /** Matrix product A B (any compatible shapes). */
    public static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    /** Transpose. */
    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** Element-wise sum. */
    public static double[][] add(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = a[i][j] + b[i][j];
            }
        }
        return c;
    }

    private static double[][] rotTimesDiag(double[][] r, double[] d) {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = r[i][j] * d[j];
            }
        }
        return m;
    }
}
