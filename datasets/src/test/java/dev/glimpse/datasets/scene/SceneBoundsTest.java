package dev.glimpse.datasets.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.image.ImageFile;
import dev.glimpse.datasets.image.Undistortion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SceneBoundsTest {
    private static final Intrinsics K = new Intrinsics(64, 64, 60, 60, 32, 32);

    /** A camera at c looking at target, world +z up, as a Blender rig would place it. */
    static View lookingAt(double[] c, double[] target) {
        double[] f = norm(new double[] {target[0] - c[0], target[1] - c[1], target[2] - c[2]});
        double[] right = norm(cross(f, new double[] {0, 0, 1}));
        double[] down = cross(f, right);
        double[] rc2w = {right[0], down[0], f[0], right[1], down[1], f[1], right[2], down[2], f[2]};
        Camera cam = Camera.pinhole(K, Pose.fromOpenCvCameraToWorld(rc2w, c));
        return new View("v", "train", cam, new ImageFile(Path.of("unused.png"), 64, 64, 1, new Undistortion(K, Distortion.NONE)),
                null, null, null);
    }

    @Test
    void camerasOnACircleFindTheirFocusAndExtent() {
        double[] target = {0.5, -0.2, 0.3};
        List<View> views = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double a = 2 * Math.PI * i / 12;
            double[] c = {target[0] + 3 * Math.cos(a), target[1] + 3 * Math.sin(a), target[2] + 1.0 + (i % 3) * 0.3};
            views.add(lookingAt(c, target));
        }
        SceneBounds b = SceneBounds.of(views, null);
        assertThat(b.boxSource()).isEqualTo("cameras");
        assertThat(b.boxCentre()).containsExactly(target, within(1e-6));
        assertThat(b.extent()).isBetween(1.1 * 3, 1.1 * 3.5);
        // The box half-size is half the camera distance: a generous region around the focus.
        assertThat(b.boxMax()[0] - b.boxMin()[0]).isBetween(3.0, 3.5);
    }

    @Test
    void sparsePointsGiveARobustBox() {
        List<View> views = List.of(lookingAt(new double[] {0, -3, 0}, new double[3]),
                lookingAt(new double[] {3, 0, 0}, new double[3]));
        int n = 1000;
        float[] xyz = new float[3 * n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                xyz[3 * i + a] = (float) (-1 + 2.0 * ((i * (a + 3)) % n) / n);
            }
        }
        // A few wild outliers, as mismatched SfM features produce, must not blow up the box.
        xyz[0] = 1000;
        xyz[4] = -500;
        SparsePoints pts = new SparsePoints(xyz, new float[3 * n], new float[n], new int[n][0]);
        SceneBounds b = SceneBounds.of(views, pts);
        assertThat(b.boxSource()).isEqualTo("points");
        for (int a = 0; a < 3; a++) {
            assertThat(b.boxMin()[a]).isBetween(-1.0, -0.9);
            assertThat(b.boxMax()[a]).isBetween(0.9, 1.0);
        }
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] norm(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
