package dev.glimpse.optimize.mvs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DepthEdgesTest {
    private static final int W = 12;
    private static final int H = 5;

    /**
     * Left of x = 6 a plane seen at a grazing angle (inverse depth affine in x, depth growing 8 to 15 % per pixel),
     * right of it a fronto-parallel plane at half that depth, and a hole at (10, 0).
     */
    private static float[] stepScene() {
        float[] d = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                d[y * W + x] = x < 6 ? 1f / (0.5f - 0.04f * x) : 1.6f;
            }
        }
        d[10] = 0;
        return d;
    }

    @Test
    void marksPixelsWithinTheRadiusOfAJumpButNotAGrazingPlaneOrAHole() {
        boolean[] near = DepthEdges.near(stepScene(), W, H, 0.05, 1);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertThat(near[y * W + x]).as("pixel (%d, %d)", x, y).isEqualTo(x >= 4 && x <= 7);
            }
        }
    }

    @Test
    void radiusZeroMarksOnlyBothSidesOfTheJumpAndAHighThresholdNothing() {
        boolean[] near = DepthEdges.near(stepScene(), W, H, 0.05, 0);
        boolean[] none = DepthEdges.near(stepScene(), W, H, 2, 3);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertThat(near[y * W + x]).as("pixel (%d, %d)", x, y).isEqualTo(x == 5 || x == 6);
                assertThat(none[y * W + x]).isFalse();
            }
        }
    }
}
