package dev.glimpse.optimize.reference;

import java.util.Random;

/**
 * Seeded generators of tiny fuzzed scenes for checking the reference (and later the GPU kernels against
 * it): 5-40 Gaussians before a 32x24 or 40x32 camera with a random pose, random anisotropic scales,
 * unnormalised quaternions, opacities and SH of degree 0-3, plus random image cotangents. About 15% of the
 * Gaussians sit beyond the 1.3 tan(fov/2) Jacobian clamp (large enough to reach into the image), 15% at
 * or behind the near plane, and half the scenes hold a stack of three opaque Gaussians on one ray.
 */
public final class RefScenes {

    /** Tile size used by the fuzzed scenes. Small images, so 16 still gives several tiles. */
    public static final int TILE_SIZE = 16;

    /**
     * A scene with everything needed for one forward and one backward.
     *
     * @param v_rgb   [H][W][3] cotangent of the colour image
     * @param v_alpha [H][W] cotangent of the accumulated alpha
     * @param v_depth [H][W] cotangent of the expected depth
     */
    public record Scene(RefGaussians gaussians, RefCamera camera, int activeDegree, double[] background,
            double[][][] v_rgb, double[][] v_alpha, double[][] v_depth) {

        /** Forward with this scene's settings. */
        public RefForwardResult forward() {
            return RefSplatting.forward(gaussians, camera, activeDegree, background, TILE_SIZE);
        }

        /** Forward of other parameters (e.g. a perturbed copy) with this scene's camera and settings. */
        public RefForwardResult forward(RefGaussians g) {
            return RefSplatting.forward(g, camera, activeDegree, background, TILE_SIZE);
        }

        /** Backward of {@code f} with this scene's cotangents. */
        public RefGradients backward(RefForwardResult f) {
            return RefSplatting.backward(gaussians, camera, activeDegree, f, v_rgb, v_alpha, v_depth);
        }

        /** The scalar loss whose gradient {@link #backward} returns. */
        public double loss(RefForwardResult f) {
            return f.dot(v_rgb, v_alpha, v_depth);
        }
    }

    private RefScenes() {
    }

    /** The fuzzed scene for {@code seed}; the same seed always gives the same scene. */
    public static Scene fuzzed(long seed) {
        Random rnd = new Random(seed);
        RefCamera cam = randomCamera(rnd);
        int n = 5 + rnd.nextInt(36);
        int degree = rnd.nextInt(4);
        int activeDegree = rnd.nextInt(4) == 0 ? rnd.nextInt(degree + 1) : degree;
        int k = RefSh.coefficientCount(degree);
        double[][] means = new double[n][];
        double[][] logScales = new double[n][3];
        double[][] quats = new double[n][4];
        double[] logitOpacity = new double[n];
        double[][][] sh = new double[n][k][3];
        double[] centre = cam.center();
        // Half the scenes start with a stack of opaque Gaussians on one ray, so that the 1e-4 transmittance
        // cut-off and the 0.99 alpha cap are exercised, not only thin overlaps.
        int stacked = rnd.nextBoolean() ? 3 : 0;
        double[] stackRay = inFrustum(rnd, cam, 0.6);
        for (int i = 0; i < n; i++) {
            double kind = i < stacked ? 0 : rnd.nextDouble();
            double[] t = kind < 0.7 ? inFrustum(rnd, cam, 1.1)
                    : kind < 0.85 ? beyondClamp(rnd, cam) : nearOrBehind(rnd, cam);
            if (i < stacked) {
                double depth = 1.5 + i + rnd.nextDouble();
                t = new double[] {stackRay[0] / stackRay[2] * depth, stackRay[1] / stackRay[2] * depth, depth};
            }
            double[] offset = RefMath.mulTransposeVec(cam.rotation(), t);
            means[i] = new double[] {offset[0] + centre[0], offset[1] + centre[1], offset[2] + centre[2]};
            double base = kind >= 0.7 && kind < 0.85 || i < stacked ? 0.25 : 0.03;
            for (int a = 0; a < 3; a++) {
                logScales[i][a] = Math.log(base + rnd.nextDouble() * 0.3);
            }
            double len = 0.5 + 1.5 * rnd.nextDouble();
            double[] q = RefMath.normalize(new double[] {
                rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()});
            for (int a = 0; a < 4; a++) {
                quats[i][a] = q[a] * len;
            }
            logitOpacity[i] = i < stacked ? 3 + 4 * rnd.nextDouble() : -3 + 9 * rnd.nextDouble();
            for (int c = 0; c < k; c++) {
                for (int ch = 0; ch < 3; ch++) {
                    sh[i][c][ch] = rnd.nextGaussian() * (c == 0 ? 1.0 : 0.3);
                }
            }
        }
        RefGaussians g = new RefGaussians(means, logScales, quats, logitOpacity, sh, degree);
        double[] background = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
        int w = cam.width();
        int h = cam.height();
        double[][][] vRgb = new double[h][w][3];
        double[][] vAlpha = new double[h][w];
        double[][] vDepth = new double[h][w];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                for (int ch = 0; ch < 3; ch++) {
                    vRgb[j][i][ch] = rnd.nextGaussian();
                }
                vAlpha[j][i] = rnd.nextGaussian();
                vDepth[j][i] = 0.2 * rnd.nextGaussian();
            }
        }
        return new Scene(g, cam, activeDegree, background, vRgb, vAlpha, vDepth);
    }

    /** A camera about 4 units from the origin looking roughly at it, OpenCV axes, random intrinsics. */
    static RefCamera randomCamera(Random rnd) {
        boolean small = rnd.nextBoolean();
        int w = small ? 32 : 40;
        int h = small ? 24 : 32;
        double fx = 25 + 20 * rnd.nextDouble();
        double fy = fx * (0.9 + 0.2 * rnd.nextDouble());
        double[] c = RefMath.normalize(new double[] {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()});
        for (int a = 0; a < 3; a++) {
            c[a] *= 4;
        }
        double[] z = RefMath.normalize(new double[] {
            -c[0] + 0.3 * rnd.nextGaussian(), -c[1] + 0.3 * rnd.nextGaussian(), -c[2] + 0.3 * rnd.nextGaussian()});
        double[] x = RefMath.normalize(cross(new double[] {rnd.nextGaussian(), rnd.nextGaussian(),
            rnd.nextGaussian()}, z));
        double[] y = cross(z, x);
        double[][] r = {x, y, z};
        double[] rc = RefMath.mulVec(r, c);
        double[] t = {-rc[0], -rc[1], -rc[2]};
        return new RefCamera(r, t, fx, fy, w / 2.0 + rnd.nextGaussian(), h / 2.0 + rnd.nextGaussian(), w, h);
    }

    /** Camera-space point at depth 1.5..7 whose tan-angles are within +-spread tan(fov/2). */
    private static double[] inFrustum(Random rnd, RefCamera cam, double spread) {
        double tz = 1.5 + 5.5 * rnd.nextDouble();
        return new double[] {
            (2 * rnd.nextDouble() - 1) * spread * cam.tanHalfFovX() * tz,
            (2 * rnd.nextDouble() - 1) * spread * cam.tanHalfFovY() * tz,
            tz,
        };
    }

    /** Camera-space point just beyond the Jacobian clamp on one or both axes. */
    private static double[] beyondClamp(Random rnd, RefCamera cam) {
        double[] t = inFrustum(rnd, cam, 1.0);
        int axis = rnd.nextInt(3);
        double sign = rnd.nextBoolean() ? 1 : -1;
        double beyond = (1.35 + 0.3 * rnd.nextDouble()) * t[2];
        if (axis != 1) {
            t[0] = sign * beyond * cam.tanHalfFovX();
        }
        if (axis != 0) {
            t[1] = sign * beyond * cam.tanHalfFovY();
        }
        return t;
    }

    /** Camera-space point at depth -1..0.25, straddling the 0.2 near plane. */
    private static double[] nearOrBehind(Random rnd, RefCamera cam) {
        double[] t = inFrustum(rnd, cam, 0.8);
        double tz = -1 + 1.25 * rnd.nextDouble();
        return new double[] {t[0] / t[2] * Math.abs(tz), t[1] / t[2] * Math.abs(tz), tz};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
