package dev.glimpse.datasets.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PoseTest {
    @Test
    void quaternionRoundTripsThroughTheRotationMatrix() {
        Random rnd = new Random(7);
        for (int i = 0; i < 200; i++) {
            double[] q = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
            double s = q[0] < 0 ? -1 / n : 1 / n;
            Pose p = Pose.fromQuaternion(q[0], q[1], q[2], q[3], 1, 2, 3);
            double[] back = p.quaternion();
            for (int k = 0; k < 4; k++) {
                assertThat(back[k]).isCloseTo(q[k] * s, within(1e-12));
            }
        }
    }

    @Test
    void centreIsMinusRTransposeT() {
        Pose p = Pose.fromQuaternion(0.9, 0.1, -0.3, 0.2, 0.5, -1, 2);
        double[] c = p.centre();
        double[] cam = p.toCamera(c[0], c[1], c[2]);
        assertThat(cam).containsExactly(new double[] {0, 0, 0}, within(1e-12));
    }

    @Test
    void openGlCameraToWorldBecomesOpenCvWorldToCamera() {
        // A Blender camera at (0, -3, 0) looking at the origin along +y (its -z axis), world +z up.
        double[][] c2w = {
            {1, 0, 0, 0},
            {0, 0, -1, -3},
            {0, 1, 0, 0},
            {0, 0, 0, 1}
        };
        Pose p = Pose.fromOpenGlCameraToWorld(c2w);
        assertThat(p.centre()).containsExactly(new double[] {0, -3, 0}, within(1e-12));
        assertThat(p.forward()).containsExactly(new double[] {0, 1, 0}, within(1e-12));
        // The world origin is straight ahead at depth 3; world +z (up) is image -y (OpenCV y points down).
        assertThat(p.toCamera(0, 0, 0)).containsExactly(new double[] {0, 0, 3}, within(1e-12));
        assertThat(p.toCamera(0, 0, 1)[1]).isCloseTo(-1, within(1e-12));
        // World +x stays image +x.
        assertThat(p.toCamera(1, 0, 0)[0]).isCloseTo(1, within(1e-12));
    }

    @Test
    void rejectsReflectionsScalingAndNonFiniteValues() {
        assertThatThrownBy(() -> new Pose(new double[] {-1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3]))
                .hasMessageContaining("determinant");
        assertThatThrownBy(() -> new Pose(new double[] {2, 0, 0, 0, 2, 0, 0, 0, 2}, new double[3]))
                .hasMessageContaining("orthonormal");
        assertThatThrownBy(() -> new Pose(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[] {0, Double.NaN, 0}))
                .hasMessageContaining("non-finite");
        assertThatThrownBy(() -> Pose.fromQuaternion(0, 0, 0, 0, 0, 0, 0)).hasMessageContaining("norm");
    }

    @Test
    void scaledWorldMovesTheCentreAndKeepsTheOrientation() {
        Pose p = Pose.fromQuaternion(0.8, 0.2, 0.4, -0.1, 1, 2, 3);
        Pose q = p.inScaledWorld(0.5, new double[] {1, 0, -1});
        double[] c = p.centre();
        assertThat(q.centre()).containsExactly(new double[] {0.5 * c[0] + 1, 0.5 * c[1], 0.5 * c[2] - 1}, within(1e-12));
        assertThat(q.rotation()).containsExactly(p.rotation(), within(1e-12));
    }
}
