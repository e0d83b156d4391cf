package dev.glimpse.datasets.load.dtu;

import dev.glimpse.datasets.scene.Pose;

/**
 * A 3x4 projection matrix P = lambda K [R | t] split into its parts: K upper triangular with a positive diagonal
 * and K[2][2] = 1, R a proper rotation (det +1), and the camera centre C, the null space of P. Because P is only
 * defined up to scale, a P whose left 3x3 has a negative determinant is negated first; otherwise no rotation
 * with det +1 and positive-diagonal K could reproduce it.
 *
 * @param k        intrinsic matrix, row-major [9], k[8] = 1 (k[1] is the skew)
 * @param rotation world-to-camera rotation, row-major [9]
 * @param centre   camera centre in world coordinates [3]
 */
public record ProjectionDecomposition(double[] k, double[] rotation, double[] centre) {

    /** Decomposes P given as 3 rows of at least 4 values; throws IllegalArgumentException when P is degenerate. */
    public static ProjectionDecomposition of(double[][] p) {
        double[] m = new double[9];
        double[] p4 = new double[3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[3 * r + c] = p[r][c];
            }
            p4[r] = p[r][3];
        }
        for (double v : m) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("projection matrix has a non-finite value");
            }
        }
        double det = det3(m);
        double norm = frobenius(m);
        // Relative test: scale-free, so any overall scale of P is accepted but a rank-deficient 3x3 is not.
        if (!(Math.abs(det) > 1e-12 * norm * norm * norm)) {
            throw new IllegalArgumentException("projection matrix is singular (left 3x3 determinant " + det + ")");
        }
        if (det < 0) {
            for (int i = 0; i < 9; i++) {
                m[i] = -m[i];
            }
            for (int i = 0; i < 3; i++) {
                p4[i] = -p4[i];
            }
        }
        double[] k = new double[9];
        double[] r = new double[9];
        rq(m, k, r);
        // K D D R with D = diag(sign(K_ii)) keeps the product and makes K's diagonal positive.
        for (int i = 0; i < 3; i++) {
            if (k[4 * i] < 0) {
                for (int row = 0; row < 3; row++) {
                    k[3 * row + i] = -k[3 * row + i];
                }
                for (int col = 0; col < 3; col++) {
                    r[3 * i + col] = -r[3 * i + col];
                }
            }
        }
        // C solves M C + p4 = 0, i.e. C = -R^T K^-1 p4 (before K is normalised, as P carries K's scale).
        double[] y = solveUpper(k, p4);
        double[] centre = new double[3];
        for (int i = 0; i < 3; i++) {
            centre[i] = -(r[i] * y[0] + r[3 + i] * y[1] + r[6 + i] * y[2]);
        }
        double scale = k[8];
        for (int i = 0; i < 9; i++) {
            k[i] /= scale;
        }
        return new ProjectionDecomposition(k, r, centre);
    }

    /** The world-to-camera pose (t = -R C); throws IllegalArgumentException when R is not a rotation. */
    public Pose pose() {
        return Pose.fromOpenCvCameraToWorld(transpose(rotation), centre);
    }

    /**
     * RQ decomposition M = K R of a 3x3 matrix by three Givens rotations (Hartley and Zisserman, A4.1.1): each
     * zeroes one entry below K's diagonal, working up from the bottom row. R is their product, so det(R) = +1;
     * K's diagonal signs are left to the caller.
     */
    static void rq(double[] m, double[] kOut, double[] rOut) {
        double[] a = m.clone();
        // Zero a[2][1] with a rotation about x.
        double h = Math.hypot(a[8], a[7]);
        double[] qx = h == 0 ? identity() : new double[] {1, 0, 0, 0, -a[8] / h, -a[7] / h, 0, a[7] / h, -a[8] / h};
        a = mul(a, qx);
        // Zero a[2][0] with a rotation about y.
        h = Math.hypot(a[8], a[6]);
        double[] qy = h == 0 ? identity() : new double[] {a[8] / h, 0, a[6] / h, 0, 1, 0, -a[6] / h, 0, a[8] / h};
        a = mul(a, qy);
        // Zero a[1][0] with a rotation about z.
        h = Math.hypot(a[4], a[3]);
        double[] qz = h == 0 ? identity() : new double[] {-a[4] / h, -a[3] / h, 0, a[3] / h, -a[4] / h, 0, 0, 0, 1};
        a = mul(a, qz);
        a[3] = 0;
        a[6] = 0;
        a[7] = 0;
        System.arraycopy(a, 0, kOut, 0, 9);
        // M Qx Qy Qz = K, so M = K (Qx Qy Qz)^T.
        System.arraycopy(transpose(mul(mul(qx, qy), qz)), 0, rOut, 0, 9);
    }

    private static double[] solveUpper(double[] u, double[] b) {
        double[] x = new double[3];
        x[2] = b[2] / u[8];
        x[1] = (b[1] - u[5] * x[2]) / u[4];
        x[0] = (b[0] - u[1] * x[1] - u[2] * x[2]) / u[0];
        return x;
    }

    static double[] mul(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return c;
    }

    private static double[] transpose(double[] m) {
        return new double[] {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]};
    }

    private static double[] identity() {
        return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    private static double det3(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    private static double frobenius(double[] m) {
        double s = 0;
        for (double v : m) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
