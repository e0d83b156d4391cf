package dev.glimpse.datasets.load.dtu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.load.Rotations;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProjectionDecompositionTest {

    /** Checks the defining properties on arbitrary matrices, whatever their signs, including negative scale. */
    @Test
    void splitsArbitraryMatricesIntoTriangularTimesRotation() {
        Random rng = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            double[][] p = new double[3][4];
            for (double[] row : p) {
                for (int c = 0; c < 4; c++) {
                    row[c] = rng.nextGaussian() * 100;
                }
            }
            check(p);
        }
        // Already triangular, diagonal with mixed signs, and a permutation: rotations with zero norm inputs.
        check(new double[][] {{5, 1, 2, 3}, {0, 4, 1, 1}, {0, 0, 2, 7}});
        check(new double[][] {{-2, 0, 0, 1}, {0, 3, 0, 2}, {0, 0, -1, 3}});
        check(new double[][] {{0, 1, 0, 0}, {0, 0, 1, 0}, {1, 0, 0, 1}});
    }

    private static void check(double[][] p) {
        ProjectionDecomposition d = ProjectionDecomposition.of(p);
        double[] k = d.k();
        double[] r = d.rotation();
        assertThat(k[3]).isZero();
        assertThat(k[6]).isZero();
        assertThat(k[7]).isZero();
        assertThat(k[0]).isPositive();
        assertThat(k[4]).isPositive();
        assertThat(k[8]).isEqualTo(1);
        double[] rrt = ProjectionDecomposition.mul(r, new double[] {r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]});
        for (int i = 0; i < 9; i++) {
            assertThat(rrt[i]).isCloseTo(i % 4 == 0 ? 1 : 0, within(1e-12));
        }
        assertThat(d.pose()).isNotNull(); // Pose checks det(R) = +1
        // K R must equal the left 3x3 of P up to one common factor.
        double[] kr = ProjectionDecomposition.mul(k, r);
        double lambda = p[2][2] != 0 ? p[2][2] / kr[8] : p[2][0] / kr[6];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                assertThat(lambda * kr[3 * row + col]).isCloseTo(p[row][col], within(1e-9 * 300));
            }
        }
        // The centre is P's null space.
        double[] c = d.centre();
        for (double[] row : p) {
            assertThat(row[0] * c[0] + row[1] * c[1] + row[2] * c[2] + row[3]).isCloseTo(0, within(1e-8));
        }
    }

    @Test
    void recoversAKnownCamera() {
        double[] r = Rotations.random(new Random(3));
        double[] k = {500, 0.25, 320, 0, 480, 240, 0, 0, 1};
        double[] c = {1, -2, 3};
        double[] m = ProjectionDecomposition.mul(k, r);
        double[][] p = new double[3][4];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                p[row][col] = -7 * m[3 * row + col];
            }
            p[row][3] = 7 * (m[3 * row] * c[0] + m[3 * row + 1] * c[1] + m[3 * row + 2] * c[2]);
        }
        ProjectionDecomposition d = ProjectionDecomposition.of(p);
        assertThat(d.k()).containsExactly(k, within(1e-9));
        assertThat(d.rotation()).containsExactly(r, within(1e-12));
        assertThat(d.centre()).containsExactly(c, within(1e-12));
    }

    @Test
    void rejectsSingularMatrices() {
        assertThatThrownBy(() -> ProjectionDecomposition.of(new double[][] {{1, 2, 3, 0}, {2, 4, 6, 0}, {0, 0, 1, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("singular");
        assertThatThrownBy(() -> ProjectionDecomposition.of(new double[][] {{Double.NaN, 0, 0, 0}, {0, 1, 0, 0},
            {0, 0, 1, 0}})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
    }
}
