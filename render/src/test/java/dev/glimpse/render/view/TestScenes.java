package dev.glimpse.render.view;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.optimize.splat.SplatCamera;
import java.util.List;
import java.util.SplittableRandom;

/** Tiny hand-made scenes for the viewer tests: Gaussians in front of a camera looking down +z from the origin. */
final class TestScenes {
    static final int SIZE = 64;

    private TestScenes() {}

    /** A camera at {@code centre} looking along +z (world axes = camera axes), 64x64, 60 degree field of view. */
    static SplatCamera lookingAlongZ(float[] centre) {
        float[] w2c = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -centre[0], -centre[1], -centre[2], 1};
        float f = (float) (SIZE / (2 * Math.tan(Math.toRadians(30))));
        return new SplatCamera(w2c, centre.clone(), f, f, SIZE / 2f, SIZE / 2f, SIZE, SIZE, SplatCamera.DEFAULT_NEAR);
    }

    /** {@code n} random coloured Gaussians of SH degree 1 in the box x, y in [-1, 1], z in [2.5, 4]. */
    static GaussianPlyData random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        GaussianPlyData g = GaussianPlyData.allocate(n, 1);
        for (int i = 0; i < n; i++) {
            g.means()[3 * i] = (float) r.nextDouble(-1, 1);
            g.means()[3 * i + 1] = (float) r.nextDouble(-1, 1);
            g.means()[3 * i + 2] = (float) r.nextDouble(2.5, 4);
            for (int a = 0; a < 3; a++) {
                g.logScales()[3 * i + a] = (float) Math.log(r.nextDouble(0.03, 0.15));
            }
            g.quats()[4 * i] = 1;
            g.quats()[4 * i + 1] = (float) r.nextDouble(-0.3, 0.3);
            g.logitOpacity()[i] = (float) r.nextDouble(-1, 3);
            for (int k = 0; k < 12; k++) {
                g.sh()[12 * i + k] = (float) r.nextDouble(-0.8, 0.8) / (k < 3 ? 1 : 4);
            }
        }
        return g;
    }

    /** Opaque flat discs of radius 0.5 at x = -1, 0, 1 and depths z = 2, 3, 4 (one per image third). */
    static GaussianPlyData depthSteps() {
        float[] z = {2, 3, 4};
        GaussianPlyData g = GaussianPlyData.allocate(3, 0);
        for (int i = 0; i < 3; i++) {
            // Scale the disc with depth so each covers about the same share of the image.
            g.means()[3 * i] = (i - 1) * 0.38f * z[i];
            g.means()[3 * i + 2] = z[i];
            g.logScales()[3 * i] = (float) Math.log(0.06 * z[i]);
            g.logScales()[3 * i + 1] = (float) Math.log(0.06 * z[i]);
            g.logScales()[3 * i + 2] = (float) Math.log(0.01);
            g.quats()[4 * i] = 1;
            g.logitOpacity()[i] = 8;
        }
        return g;
    }

    static float[] depths() {
        return new float[] {2, 3, 4};
    }

    static ViewerContent content(dev.glimpse.optimize.train.GaussianModel model,
            List<ViewerContent.DatasetCamera> cameras) {
        return new ViewerContent("test", null, null, cameras, model, null, null, new double[] {0, 0, 3}, 1.5,
                new double[] {0, -1, 0});
    }
}
