package dev.glimpse.optimize.regularize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Pose;
import dev.glimpse.optimize.splat.SplatCamera;
import java.util.List;
import org.junit.jupiter.api.Test;

class PseudoCamerasTest {
    static final Intrinsics K = new Intrinsics(64, 48, 50, 50, 32, 24);

    static Camera looking(double yawDegrees, double x) {
        double t = Math.toRadians(yawDegrees);
        Pose r = Pose.fromQuaternion(Math.cos(t / 2), 0, Math.sin(t / 2), 0, 0, 0, 0);
        double[] rot = r.rotation();
        double[] c = {x, 0, 0};
        double[] tr = new double[3];
        for (int i = 0; i < 3; i++) {
            tr[i] = -(rot[3 * i] * c[0] + rot[3 * i + 1] * c[1] + rot[3 * i + 2] * c[2]);
        }
        return Camera.pinhole(K, new Pose(rot, tr));
    }

    @Test
    void blendsCentreAndRotation() {
        Camera a = looking(0, 0);
        Camera b = looking(40, 2);
        Camera mid = PseudoCameras.between(a, b, 0.5);
        assertThat(mid.pose().centre()[0]).isCloseTo(1.0, within(1e-9));
        Camera expected = looking(20, 1);
        for (int i = 0; i < 9; i++) {
            assertThat(mid.pose().rotation()[i]).isCloseTo(expected.pose().rotation()[i], within(1e-9));
        }
        Camera start = PseudoCameras.between(a, b, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(start.pose().translation()[i]).isCloseTo(a.pose().translation()[i], within(1e-12));
        }
        assertThat(mid.intrinsics()).isEqualTo(K);
    }

    @Test
    void samplesBetweenNeighboursDeterministically() {
        List<Camera> cams = List.of(looking(0, 0), looking(10, 1), looking(20, 10));
        PseudoCameras p = new PseudoCameras(cams, 5);
        SplatCamera first = p.at(12);
        assertThat(new PseudoCameras(cams, 5).at(12).centre()).containsExactly(first.centre());
        for (int it = 1; it < 50; it++) {
            float x = p.at(it).centre()[0];
            // the nearest neighbours are 0-1, 1-0 and 2-1: no pseudo camera lies beyond the segment 0..10
            assertThat(x).isBetween(0f, 10f);
        }
        assertThat(p.at(3).centre()).isNotEqualTo(p.at(4).centre());
    }
}
