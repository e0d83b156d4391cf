package dev.glimpse.optimize.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.ply.GaussianPlyData;
import dev.glimpse.datasets.ply.PointCloud;
import dev.glimpse.optimize.mvs.MvsFusion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only opaque centres count; the F-score distance follows the ground truth's size; the stereo cloud is measured. */
class GeometryEvaluationTest {
    @TempDir
    Path dir;

    @Test
    void measuresOpaqueCentresAndStereoPointsAgainstTheSurface() throws Exception {
        int side = 21;
        float[] grid = new float[3 * side * side];
        for (int i = 0; i < side * side; i++) {
            grid[3 * i] = (i % side) / (side - 1f);
            grid[3 * i + 1] = (i / side) / (side - 1f);
        }
        Path truth = dir.resolve("points.ply");
        PointCloud.of(grid).write(truth);
        int n = side * side;
        // every grid point once opaque on the surface, once transparent 1 m above it
        float[] means = new float[6 * n];
        float[] logit = new float[2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(grid, 3 * i, means, 3 * i, 3);
            System.arraycopy(grid, 3 * i, means, 3 * (n + i), 3);
            means[3 * (n + i) + 2] = 1;
            logit[i] = 2;
            logit[n + i] = -2;
        }
        float[] quats = new float[8 * n];
        for (int i = 0; i < 2 * n; i++) {
            quats[4 * i] = 1;
        }
        GaussianPlyData splats = new GaussianPlyData(2 * n, 0, means, new float[6 * n], quats, logit,
                new float[6 * n]);
        float[] lifted = grid.clone();
        for (int i = 0; i < n; i++) {
            lifted[3 * i + 2] = 0.05f;
        }
        MvsFusion.Cloud stereo = new MvsFusion.Cloud(lifted, new float[3 * n], new float[n]);

        GeometryEvaluation g = GeometryEvaluation.of(truth, splats, stereo);

        assertThat(g.tau()).isCloseTo(0.01 * Math.sqrt(2), within(1e-6));
        assertThat(g.centreCount()).isEqualTo(n);
        assertThat(g.centres().chamfer()).isCloseTo(0, within(1e-9));
        assertThat(g.centres().fScore()).isEqualTo(1.0);
        assertThat(g.stereoCount()).isEqualTo(n);
        assertThat(g.stereo().accuracy()).isCloseTo(0.05, within(1e-6));
        assertThat(g.stereo().completeness()).isCloseTo(0.05, within(1e-6));
        assertThat(g.stereo().fScore()).isZero();
    }
}
