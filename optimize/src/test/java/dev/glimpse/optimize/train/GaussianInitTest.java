package dev.glimpse.optimize.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.ply.GaussianPlyData;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianInitTest {
    /** Brute-force mean squared distance to the 3 nearest other points. */
    private static double bruteMeanSq(float[] xyz, int i) {
        int n = xyz.length / 3;
        double[] d = new double[n - 1];
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (j != i) {
                double dx = xyz[3 * j] - xyz[3 * i], dy = xyz[3 * j + 1] - xyz[3 * i + 1];
                double dz = xyz[3 * j + 2] - xyz[3 * i + 2];
                d[k++] = dx * dx + dy * dy + dz * dz;
            }
        }
        Arrays.sort(d);
        return (d[0] + d[1] + d[2]) / 3;
    }

    @Test
    void pointsGiveReferenceScalesColoursOpacityAndRotation() {
        Random r = new Random(1);
        int n = 500;
        float[] xyz = new float[3 * n];
        float[] rgb = new float[3 * n];
        for (int i = 0; i < 3 * n; i++) {
            xyz[i] = (float) r.nextGaussian();
            rgb[i] = r.nextFloat();
        }
        // Two duplicates of point 0 (and so distance 0 for three points): the clamp must apply.
        for (int a = 0; a < 3; a++) {
            xyz[3 + a] = xyz[a];
            xyz[6 + a] = xyz[a];
            xyz[9 + a] = xyz[a];
        }
        GaussianPlyData g = GaussianInit.fromPoints(xyz, rgb, 2);
        assertThat(g.count()).isEqualTo(n);
        assertThat(g.means()).isEqualTo(xyz);
        for (int i = 0; i < n; i++) {
            double expected = 0.5 * Math.log(Math.max(bruteMeanSq(xyz, i), 1e-7));
            for (int a = 0; a < 3; a++) {
                assertThat((double) g.logScales()[3 * i + a]).isCloseTo(expected, within(1e-5));
                assertThat(g.sh()[i * 27 + a] * GaussianInit.SH_C0 + 0.5).isCloseTo(rgb[3 * i + a], within(1e-6));
            }
            assertThat(Arrays.copyOfRange(g.sh(), i * 27 + 3, i * 27 + 27)).containsOnly(0f);
            assertThat(Arrays.copyOfRange(g.quats(), 4 * i, 4 * i + 4)).containsExactly(1, 0, 0, 0);
            assertThat(1 / (1 + Math.exp(-g.logitOpacity()[i]))).isCloseTo(0.1, within(1e-7));
        }
        assertThat((double) g.logScales()[0]).isCloseTo(0.5 * Math.log(1e-7), within(1e-5));
    }

    @Test
    void randomBoxIsSeededAndInside() {
        float[] min = {-1, 0, 2};
        float[] max = {1, 0.5f, 3};
        GaussianPlyData a = GaussianInit.randomInBox(min, max, 2000, 0, 7);
        GaussianPlyData b = GaussianInit.randomInBox(min, max, 2000, 0, 7);
        GaussianPlyData c = GaussianInit.randomInBox(min, max, 2000, 0, 8);
        assertThat(a.means()).isEqualTo(b.means());
        assertThat(a.sh()).isEqualTo(b.sh());
        assertThat(a.means()).isNotEqualTo(c.means());
        for (int i = 0; i < 2000; i++) {
            for (int k = 0; k < 3; k++) {
                assertThat(a.means()[3 * i + k]).isBetween(min[k], max[k]);
                assertThat(a.sh()[3 * i + k] * GaussianInit.SH_C0 + 0.5).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void hundredThousandPointsAreFast() {
        Random r = new Random(2);
        float[] xyz = new float[300_000];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = r.nextFloat();
        }
        long t0 = System.nanoTime();
        GaussianPlyData g = GaussianInit.fromPoints(xyz, new float[300_000], 0);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        // Spot check against brute force on a few points (full brute force would be 10^10 operations).
        for (int i : new int[] {0, 4242, 99_999}) {
            assertThat((double) g.logScales()[3 * i]).isCloseTo(0.5 * Math.log(bruteMeanSq(xyz, i)), within(1e-5));
        }
        assertThat(millis).as("k-d tree kNN of 100k points").isLessThan(5000);
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> GaussianInit.fromPoints(new float[4], new float[4], 0))
                .hasMessageContaining("[n][3]");
        assertThatThrownBy(() -> GaussianInit.fromPoints(new float[0], new float[0], 0))
                .hasMessageContaining("empty");
    }
}
