package dev.glimpse.optimize.splat;

import dev.glimpse.optimize.reference.RefCamera;
import dev.glimpse.optimize.reference.RefGaussians;
import dev.glimpse.optimize.reference.RefScenes;
import java.util.Random;

/**
 * Hand-built scenes for a camera at the origin looking down +z, 37 x 21 pixels (neither a multiple of the tile
 * size), each aimed at one behaviour of the rasteriser; cotangents are seeded noise.
 */
final class HandScenes {
    static final int WIDTH = 37;
    static final int HEIGHT = 21;

    private HandScenes() {
    }

    static RefCamera camera() {
        return new RefCamera(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[] {0, 0, 0}, 30, 28,
                18.25, 10.75, WIDTH, HEIGHT);
    }

    /** One round Gaussian in the middle of the image. */
    static RefScenes.Scene centred() {
        return scene(0, 0, new double[][] {{0.05, -0.02, 3}}, new double[] {0.25}, new double[] {1.0}, 1);
    }

    /** Four wide opaque Gaussians on the axis: the 0.99 alpha cap and the 1e-4 transmittance cut-off (two capped
     * layers would leave T = 1e-4 exactly, a float coin toss, so the second is only 92% opaque). */
    static RefScenes.Scene opaqueStack() {
        return scene(11, 0, new double[][] {{0, 0, 2}, {0.02, 0, 3}, {0, 0.03, 4}, {-0.05, 0, 5}},
                new double[] {0.6, 0.8, 1.0, 1.2}, new double[] {6, 2.5, 7, 5}, 2);
    }

    /** Beyond the Jacobian clamp on x, across tile borders at the image edge, partly clipped, SH degree 1. */
    static RefScenes.Scene edges() {
        double tanX = WIDTH / (2.0 * 30);
        return scene(2, 1, new double[][] {{1.45 * tanX * 2.5, 0.1, 2.5}, {0.95, 0.3, 3}, {-0.2, -0.5, 1.2}},
                new double[] {0.5, 0.15, 0.1}, new double[] {2, 0.5, 0}, 3);
    }

    /** Two overlapping Gaussians at exactly the same depth: the tie goes to the lower index. */
    static RefScenes.Scene depthTie() {
        return scene(3, 0, new double[][] {{0.1, 0, 3}, {-0.1, 0.05, 3}}, new double[] {0.3, 0.3},
                new double[] {1.5, 1.5}, 4);
    }

    /**
     * Five half-transparent Gaussians so wide that every pixel is inside every 1/255 contour and no alpha is
     * capped or cut off, SH degree 2: smooth around its parameters, for finite differences.
     */
    static RefScenes.Scene wide() {
        return scene(5, 2, new double[][] {{0, 0, 3}, {0.2, 0.1, 3.5}, {-0.25, 0.05, 2.8}, {0.05, -0.2, 3.4},
            {-0.1, -0.15, 3.2}}, new double[] {1.5, 1.6, 1.4, 1.7, 1.5}, new double[] {0.5, 0, 1, 0.2, 0.3}, 5);
    }

    /** Like {@link #wide()} with three Gaussians of SH degree 3. */
    static RefScenes.Scene wideDegree3() {
        return scene(6, 3, new double[][] {{0.1, 0, 3.3}, {-0.2, 0.1, 3}, {0, -0.1, 2.7}},
                new double[] {1.5, 1.6, 1.4}, new double[] {0.3, 0.8, 0}, 2);
    }

    private static RefScenes.Scene scene(long seed, int degree, double[][] means, double[] scales,
            double[] logits, int variant) {
        Random rnd = new Random(seed);
        int n = means.length;
        int k = (degree + 1) * (degree + 1);
        double[][] logScales = new double[n][3];
        double[][] quats = new double[n][4];
        double[][][] sh = new double[n][k][3];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                logScales[i][a] = Math.log(scales[i] * (0.7 + 0.6 * rnd.nextDouble()));
            }
            for (int a = 0; a < 4; a++) {
                quats[i][a] = rnd.nextGaussian();
            }
            for (int c = 0; c < k; c++) {
                for (int ch = 0; ch < 3; ch++) {
                    sh[i][c][ch] = (c == 0 ? 1.0 : 0.3) * rnd.nextGaussian();
                }
            }
        }
        RefGaussians g = new RefGaussians(means, logScales, quats, logits.clone(), sh, degree);
        double[][][] vRgb = new double[HEIGHT][WIDTH][3];
        double[][] vAlpha = new double[HEIGHT][WIDTH];
        double[][] vDepth = new double[HEIGHT][WIDTH];
        for (int j = 0; j < HEIGHT; j++) {
            for (int i = 0; i < WIDTH; i++) {
                for (int ch = 0; ch < 3; ch++) {
                    vRgb[j][i][ch] = rnd.nextGaussian();
                }
                vAlpha[j][i] = rnd.nextGaussian();
                vDepth[j][i] = 0.2 * rnd.nextGaussian();
            }
        }
        double[] background = {0.1 * variant, 0.5, 1 - 0.2 * variant};
        return new RefScenes.Scene(g, camera(), degree, background, vRgb, vAlpha, vDepth);
    }
}
