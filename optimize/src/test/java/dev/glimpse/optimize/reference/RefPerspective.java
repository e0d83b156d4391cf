package dev.glimpse.optimize.reference;

/**
 * Pinhole projection helpers of the reference pipeline, each forward followed by its VJP: the screen centre,
 * the clamped perspective Jacobian and the EWA screen covariance {@code J W Sigma W^T J^T + 0.3 I}.
 *
 * <p>All points here are camera-space {@code t = W p + T} (OpenCV axes, +z forward). Screen coordinates are
 * COLMAP pixels: pixel (i, j) covers [i, i+1) x [j, j+1) with its centre at (i + 0.5, j + 0.5).
 */
public final class RefPerspective {

    /** Low-pass added to the screen covariance diagonal (px^2), as in the 3DGS reference. */
    public static final double LOW_PASS = 0.3;

    /** The Jacobian uses t.x / t.z clamped to this multiple of tan(fov/2). */
    public static final double FOV_CLAMP = 1.3;

    private RefPerspective() {
    }

    /** Screen centre (u, v) = (fx tx/tz + cx, fy ty/tz + cy); uses the UNclamped t. */
    public static double[] projectMean(RefCamera cam, double[] t) {
        return new double[] {cam.fx() * t[0] / t[2] + cam.cx(), cam.fy() * t[1] / t[2] + cam.cy()};
    }

    /** VJP of {@link #projectMean}: dL/dt given v_uv. */
    public static double[] projectMeanVjp(RefCamera cam, double[] t, double[] v_uv) {
        double rz = 1.0 / t[2];
        double rz2 = rz * rz;
        return new double[] {
            cam.fx() * rz * v_uv[0],
            cam.fy() * rz * v_uv[1],
            -(cam.fx() * t[0] * v_uv[0] + cam.fy() * t[1] * v_uv[1]) * rz2,
        };
    }

    /** True per axis (x, y) when |t_axis / tz| exceeds 1.3 tan(fov/2), i.e. the Jacobian clamps it. */
    public static boolean[] jacobianClamped(RefCamera cam, double[] t) {
        double limX = FOV_CLAMP * cam.tanHalfFovX();
        double limY = FOV_CLAMP * cam.tanHalfFovY();
        double txtz = t[0] / t[2];
        double tytz = t[1] / t[2];
        return new boolean[] {txtz < -limX || txtz > limX, tytz < -limY || tytz > limY};
    }

    /**
     * Perspective Jacobian [2][3] = [[fx/tz, 0, -fx tx'/tz^2], [0, fy/tz, -fy ty'/tz^2]] where
     * tx' = clamp(tx/tz, -limX, limX) tz and limX = 1.3 tan(fov_x/2) (same in y).
     */
    public static double[][] jacobian(RefCamera cam, double[] t) {
        double tz = t[2];
        double tx = clampedCoordinate(t[0], tz, FOV_CLAMP * cam.tanHalfFovX());
        double ty = clampedCoordinate(t[1], tz, FOV_CLAMP * cam.tanHalfFovY());
        return new double[][] {
            {cam.fx() / tz, 0, -cam.fx() * tx / (tz * tz)},
            {0, cam.fy() / tz, -cam.fy() * ty / (tz * tz)},
        };
    }

    /**
     * VJP of {@link #jacobian}: dL/dt given v_J [2][3]. This is the exact derivative of the clamped function:
     * on a clamped axis tx' = +-lim tz, so dtx'/dtx = 0 (as in the 3DGS reference) and dtx'/dtz = +-lim, which
     * adds -fx tx'/tz^3 v_J[0][2] to dL/dtz. (The 3DGS reference drops that last term; gsplat keeps it. We keep
     * it so that finite differences agree.)
     */
    public static double[] jacobianVjp(RefCamera cam, double[] t, double[][] v_j) {
        double fx = cam.fx();
        double fy = cam.fy();
        double tz = t[2];
        double rz = 1.0 / tz;
        double rz2 = rz * rz;
        double rz3 = rz2 * rz;
        boolean[] clamped = jacobianClamped(cam, t);
        double tx = clampedCoordinate(t[0], tz, FOV_CLAMP * cam.tanHalfFovX());
        double ty = clampedCoordinate(t[1], tz, FOV_CLAMP * cam.tanHalfFovY());
        double[] v_t = new double[3];
        v_t[2] = -fx * rz2 * v_j[0][0] - fy * rz2 * v_j[1][1]
                + 2 * fx * tx * rz3 * v_j[0][2] + 2 * fy * ty * rz3 * v_j[1][2];
        if (clamped[0]) {
            v_t[2] += -fx * tx * rz3 * v_j[0][2];
        } else {
            v_t[0] += -fx * rz2 * v_j[0][2];
        }
        if (clamped[1]) {
            v_t[2] += -fy * ty * rz3 * v_j[1][2];
        } else {
            v_t[1] += -fy * rz2 * v_j[1][2];
        }
        return v_t;
    }

    /** Screen covariance (a, b, c) of J W Sigma W^T J^T + 0.3 I, with W the camera rotation [3][3]. */
    public static double[] projectCov(double[][] sigma, double[][] w, double[][] j) {
        double[][] camCov = RefMath.mul(RefMath.mul(w, sigma), RefMath.transpose(w));
        double[][] s = RefMath.mul(RefMath.mul(j, camCov), RefMath.transpose(j));
        return new double[] {s[0][0] + LOW_PASS, s[0][1], s[1][1] + LOW_PASS};
    }

    /**
     * VJP of {@link #projectCov} for a symmetric Sigma (the split of v_b over both off-diagonal entries relies
     * on it): given (v_a, v_b, v_c) returns {@code {v_sigma [3][3], v_J [2][3]}}.
     * With C = W Sigma W^T and G the full gradient of J C J^T: v_J = G J C^T + G^T J C, v_C = J^T G J,
     * v_Sigma = W^T v_C W.
     */
    public static double[][][] projectCovVjp(double[][] sigma, double[][] w, double[][] j, double[] v_cov2d) {
        double[][] camCov = RefMath.mul(RefMath.mul(w, sigma), RefMath.transpose(w));
        // b enters both off-diagonal entries: split its gradient evenly so G stays symmetric.
        double[][] g = {{v_cov2d[0], 0.5 * v_cov2d[1]}, {0.5 * v_cov2d[1], v_cov2d[2]}};
        double[][] v_j = RefMath.add(
                RefMath.mul(RefMath.mul(g, j), RefMath.transpose(camCov)),
                RefMath.mul(RefMath.mul(RefMath.transpose(g), j), camCov));
        double[][] v_camCov = RefMath.mul(RefMath.mul(RefMath.transpose(j), g), j);
        double[][] v_sigma = RefMath.mul(RefMath.mul(RefMath.transpose(w), v_camCov), w);
        return new double[][][] {v_sigma, v_j};
    }

    private static double clampedCoordinate(double x, double tz, double lim) {
        return Math.min(lim, Math.max(-lim, x / tz)) * tz;
    }
}
