package dev.glimpse.optimize.regularize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Pose;
import dev.glimpse.optimize.gpu.GpuTestSupport;
import dev.glimpse.optimize.splat.SplatCamera;
import dev.glimpse.optimize.train.GaussianModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Depth-aware pruning on one hand-made view: the left half is background in the mask, the right half has stereo
 * depth 5 except a hole. Gaussians the view sees through are marked, the others keep their opacity.
 */
class FreeSpaceCarvingTest extends GpuTestSupport {
    static final int SIZE = 32;
    static final float DEAD = -20f;

    @Test
    void marksOnlyGaussiansTheViewSeesThrough() {
        Camera cam = Camera.pinhole(new Intrinsics(SIZE, SIZE, 32, 32, 16, 16), Pose.identity());
        float[] mask = new float[SIZE * SIZE];
        float[] depth = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean right = x >= 16;
                boolean hole = x >= 24 && y >= 24;
                mask[y * SIZE + x] = right ? 1 : 0;
                depth[y * SIZE + x] = right && !hole ? 5f : 0f;
            }
        }
        // {x pixel, y pixel, depth, log-scale, expected carved}
        double[][] cases = {
            {6, 10, 3, Math.log(0.01), 1},   // in front of background
            {20, 10, 3, Math.log(0.01), 1},  // well in front of the stereo surface
            {20, 10, 4.9, Math.log(0.01), 0}, // within the 5 % margin of it
            {20, 10, 6, Math.log(0.01), 0},  // behind it
            {20, 10, 3, Math.log(1.0), 0},   // in front, but three sigma reach the surface
            {27, 27, 3, Math.log(0.01), 0},  // in front of the hole: no evidence
            {17, 10, 3, Math.log(0.01), 0},  // window straddles the mask edge and the depth edge
            {1, 10, 3, Math.log(0.01), 0},   // window leaves the image
        };
        GaussianPlyData g = GaussianPlyData.allocate(cases.length + 1, 0);
        for (int i = 0; i < cases.length; i++) {
            double z = cases[i][2];
            g.means()[3 * i] = (float) ((cases[i][0] + 0.5 - 16) / 32 * z);
            g.means()[3 * i + 1] = (float) ((cases[i][1] + 0.5 - 16) / 32 * z);
            g.means()[3 * i + 2] = (float) z;
            for (int a = 0; a < 3; a++) {
                g.logScales()[3 * i + a] = (float) cases[i][3];
            }
            g.quats()[4 * i] = 1;
        }
        int behind = cases.length;
        g.means()[3 * behind + 2] = -3; // behind the camera
        g.quats()[4 * behind] = 1;
        try (GaussianModel model = GaussianModel.of(ctx, g, 0, g.count());
                FreeSpaceCarving carving = new FreeSpaceCarving(ctx,
                        List.of(new FreeSpaceCarving.View(SplatCamera.of(cam), mask, depth)))) {
            carving.run(model, 0.05f, DEAD);
            float[] logit = model.params().logitOpacity().downloadFloats(0, g.count());
            int expected = 0;
            for (int i = 0; i < cases.length; i++) {
                boolean carved = cases[i][4] == 1;
                expected += carved ? 1 : 0;
                assertThat(logit[i]).as("case %d", i).isEqualTo(carved ? DEAD : 0f);
            }
            assertThat(logit[behind]).isZero();
            assertThat(carving.lastCount()).isEqualTo(expected);
        }
    }
}
