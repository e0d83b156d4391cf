package dev.glimpse.optimize.reference;

import java.util.Arrays;

/**
 * Per-Gaussian result of the reference projection stage ("preprocess" in 3DGS), one entry per Gaussian;
 * entries of culled Gaussians ({@code valid[n] == false}) are zero and never rasterised.
 *
 * <p>Stage, in order (SPLATTING.md): t = W p + T, cull when t.z &lt; 0.2; q normalised; Sigma = R S S^T R^T;
 * J at t with tx, ty clamped to +-1.3 tan(fov/2) tz; Sigma' = J W Sigma W^T J^T + 0.3 I, cull when
 * det &lt;= 0; conic = Sigma'^-1; radius = ceil(3 sqrt(largest eigenvalue of Sigma')); tile rectangle
 * xmin = clamp(floor((u - r)/ts), 0, tilesX), xmax = clamp(ceil((u + r)/ts), 0, tilesX) (exclusive), same in y,
 * cull when empty; colour = max(0, SH(d) + 0.5) with d = (p - camera centre) normalised; opacity = sigmoid(o).
 * Fields are public and mutable so tests can perturb the screen-space inputs of the rasteriser directly.
 */
public final class RefProjection {

    /** Cull Gaussians whose camera-space depth is below this (world units). */
    public static final double NEAR_PLANE = 0.2;

    public final int tileSize;
    public final boolean[] valid;             // [N]
    public final double[][] uv;               // [N][2] screen centre, COLMAP pixels
    public final double[][] cov2d;            // [N][3] Sigma' as (a, b, c), low-pass included
    public final double[][] conic;            // [N][3] Sigma'^-1 as (a, b, c)
    public final double[] depth;              // [N] camera-space t.z
    public final int[] radius;                // [N] pixels
    public final int[][] tileRect;            // [N][4] xmin, ymin, xmax, ymax (max exclusive), tiles
    public final double[][] color;            // [N][3] clamped colour
    public final boolean[][] colorClamped;    // [N][3] true where SH + 0.5 < 0 was clamped to 0
    public final boolean[][] jacobianClamped; // [N][2] true where tx/tz (ty/tz) hit the 1.3 tan(fov/2) clamp
    public final double[] opacity;            // [N] sigmoid(logitOpacity)

    private RefProjection(int n, int tileSize) {
        this.tileSize = tileSize;
        valid = new boolean[n];
        uv = new double[n][2];
        cov2d = new double[n][3];
        conic = new double[n][3];
        depth = new double[n];
        radius = new int[n];
        tileRect = new int[n][4];
        color = new double[n][3];
        colorClamped = new boolean[n][3];
        jacobianClamped = new boolean[n][2];
        opacity = new double[n];
    }

    /** Number of Gaussians N (culled ones included). */
    public int size() {
        return valid.length;
    }

    /** Projects every Gaussian, evaluating SH up to {@code activeDegree} (at most the stored degree). */
    public static RefProjection project(RefGaussians g, RefCamera cam, int activeDegree, int tileSize) {
        if (activeDegree < 0 || activeDegree > g.degree) {
            throw new IllegalArgumentException("RefProjection: active SH degree " + activeDegree
                    + " outside 0.." + g.degree);
        }
        if (tileSize <= 0) {
            throw new IllegalArgumentException("RefProjection: tile size must be positive, got " + tileSize);
        }
        RefProjection p = new RefProjection(g.size(), tileSize);
        int tilesX = cam.tilesX(tileSize);
        int tilesY = cam.tilesY(tileSize);
        for (int n = 0; n < g.size(); n++) {
            Stage s = Stage.compute(g, cam, n, activeDegree);
            if (s == null) {
                continue;
            }
            double r = Math.ceil(3.0 * Math.sqrt(RefMath.largestEigenvalue2x2(s.cov2d)));
            int xmin = clampInt(Math.floor((s.uv[0] - r) / tileSize), tilesX);
            int xmax = clampInt(Math.ceil((s.uv[0] + r) / tileSize), tilesX);
            int ymin = clampInt(Math.floor((s.uv[1] - r) / tileSize), tilesY);
            int ymax = clampInt(Math.ceil((s.uv[1] + r) / tileSize), tilesY);
            if (xmax <= xmin || ymax <= ymin) {
                continue;
            }
            p.valid[n] = true;
            p.uv[n] = s.uv;
            p.cov2d[n] = s.cov2d;
            p.conic[n] = s.conic;
            p.depth[n] = s.t[2];
            p.radius[n] = (int) r;
            p.tileRect[n] = new int[] {xmin, ymin, xmax, ymax};
            for (int ch = 0; ch < 3; ch++) {
                p.colorClamped[n][ch] = s.rawColor[ch] < 0;
                p.color[n][ch] = Math.max(0.0, s.rawColor[ch]);
            }
            p.jacobianClamped[n] = RefPerspective.jacobianClamped(cam, s.t);
            p.opacity[n] = RefMath.sigmoid(g.logitOpacity[n]);
        }
        return p;
    }

    /** Deep copy, for perturbing screen-space quantities in tests. */
    public RefProjection copy() {
        RefProjection c = new RefProjection(size(), tileSize);
        for (int n = 0; n < size(); n++) {
            c.valid[n] = valid[n];
            c.uv[n] = uv[n].clone();
            c.cov2d[n] = cov2d[n].clone();
            c.conic[n] = conic[n].clone();
            c.depth[n] = depth[n];
            c.radius[n] = radius[n];
            c.tileRect[n] = tileRect[n].clone();
            c.color[n] = color[n].clone();
            c.colorClamped[n] = colorClamped[n].clone();
            c.jacobianClamped[n] = jacobianClamped[n].clone();
            c.opacity[n] = opacity[n];
        }
        return c;
    }

    /**
     * True when both projections took the same branch at every non-differentiable point of this stage
     * (culling, colour clamp, Jacobian clamp), so the stage is smooth between them.
     */
    public boolean sameBranches(RefProjection o) {
        return Arrays.equals(valid, o.valid)
                && Arrays.deepEquals(colorClamped, o.colorClamped)
                && Arrays.deepEquals(jacobianClamped, o.jacobianClamped);
    }

    private static int clampInt(double x, int hi) {
        return (int) Math.max(0, Math.min(hi, x));
    }

    /**
     * Continuous intermediates of one Gaussian's projection, shared by the forward and the backward so the
     * backward recomputes rather than stores them (as the 3DGS backward does).
     */
    record Stage(double[] t, double[] unitQuat, double[] scale, double[][] sigma, double[][] jacobian,
            double[] uv, double[] cov2d, double[] conic, double[] dir, double[] rawColor) {

        /** Returns null when the Gaussian is culled before its tile rectangle is known (near plane, det). */
        static Stage compute(RefGaussians g, RefCamera cam, int n, int activeDegree) {
            double[] t = cam.toCamera(g.means[n]);
            if (t[2] < NEAR_PLANE) {
                return null;
            }
            double[] unitQuat = RefMath.normalize(g.quats[n]);
            double[] scale = new double[3];
            for (int a = 0; a < 3; a++) {
                scale[a] = Math.exp(g.logScales[n][a]);
            }
            double[][] sigma = RefMath.covariance3d(unitQuat, scale);
            double[][] jac = RefPerspective.jacobian(cam, t);
            double[] cov2d = RefPerspective.projectCov(sigma, cam.rotation(), jac);
            if (cov2d[0] * cov2d[2] - cov2d[1] * cov2d[1] <= 0) {
                return null;
            }
            double[] conic = RefMath.inverse2x2(cov2d);
            double[] centre = cam.center();
            double[] dir = {g.means[n][0] - centre[0], g.means[n][1] - centre[1], g.means[n][2] - centre[2]};
            double[] rawColor = RefSh.shColor(activeDegree, g.sh[n], RefMath.normalize(dir));
            return new Stage(t, unitQuat, scale, sigma, jac, RefPerspective.projectMean(cam, t), cov2d, conic,
                    dir, rawColor);
        }
    }
}
