package dev.glimpse.datasets.ply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.datasets.testing.SharedDatasets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlyDatasetTest {
    @TempDir
    Path dir;

    @Test
    void tabletopGroundTruthPointsLieOnAZUpTable() throws Exception {
        Path file = SharedDatasets.scene("tabletop").resolve("points.ply");

        PointCloud cloud = PointCloud.read(file);

        assertThat(cloud.count()).isEqualTo(101_466);
        float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
        float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < cloud.count(); i++) {
            for (int axis = 0; axis < 3; axis++) {
                float v = cloud.positions()[3 * i + axis];
                assertThat(Float.isFinite(v)).isTrue();
                min[axis] = Math.min(min[axis], v);
                max[axis] = Math.max(max[axis], v);
            }
        }
        // A table about 2.4 m across in x and y, objects standing on it up to below 1 m in +z.
        for (int axis = 0; axis < 2; axis++) {
            assertThat(min[axis]).isBetween(-1.3f, -1.0f);
            assertThat(max[axis]).isBetween(1.0f, 1.3f);
        }
        assertThat(min[2]).isBetween(-0.05f, 0.05f);
        assertThat(max[2]).isBetween(0.3f, 1.0f);
    }

    /** A large file exercises the buffered reader across many buffer refills (speed is measured by JMH, not here). */
    @Test
    void readsFourHundredThousandBinaryPointsExactly() throws Exception {
        int count = 400_000;
        var positions = new float[3 * count];
        var random = new Random(1);
        for (int i = 0; i < positions.length; i++) {
            positions[i] = random.nextFloat();
        }
        Path file = dir.resolve("big.ply");
        new PointCloud(positions, new byte[3 * count], null, java.util.Map.of()).write(file);
        // isEqualTo compares with Arrays.equals; containsExactly on 1.2M floats took minutes.
        assertThat(PointCloud.read(file).positions()).isEqualTo(positions);
    }
}
