package dev.glimpse.render.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.optimize.splat.SplatCamera;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Camera control without a window: snapping, orbiting, framing, zooming and picking cameras under the mouse. */
class ViewCameraTest {
    @Test
    void snappedAtTheDatasetSizeIsThatCameraExactly() {
        SplatCamera c = TestScenes.lookingAlongZ(new float[] {0.3f, -0.1f, 0.2f});
        ViewCamera v = new ViewCamera();
        v.snap(0, c);
        SplatCamera s = v.splatCamera(64, 64);
        assertThat(s.worldToCamera()).containsExactly(c.worldToCamera());
        assertThat(new float[] {s.fx(), s.fy(), s.cx(), s.cy()}).containsExactly(c.fx(), c.fy(), c.cx(), c.cy());
        // In a wider viewport the same image is centred: the optical axis stays on the middle of the width.
        SplatCamera wide = v.splatCamera(128, 64);
        assertThat(wide.cx()).isEqualTo(64f);
        assertThat(wide.fx()).isEqualTo(c.fx());
    }

    @Test
    void orbitKeepsThePivotAheadAtTheSameDistance() {
        ViewCamera v = new ViewCamera();
        v.setUp(new double[] {0, 0, 1});
        double[] centre = {1, 2, 3};
        v.frame(centre, 2);
        double d = ViewMath.distance(v.eye(), centre);
        v.orbit(0.7, -0.3);
        assertThat(ViewMath.distance(v.eye(), centre)).isCloseTo(d, within(1e-9));
        // The pivot projects onto the image centre of any viewport.
        double[] p = ViewMath.project(v.splatCamera(200, 100), centre);
        assertThat(p[0]).isCloseTo(100, within(1e-4));
        assertThat(p[1]).isCloseTo(50, within(1e-4));
        v.zoom(0.5);
        assertThat(ViewMath.distance(v.eye(), centre)).isCloseTo(d / 2, within(1e-9));
    }

    @Test
    void framingShowsTheWholeSphere() {
        ViewCamera v = new ViewCamera();
        v.setUp(new double[] {0, 1, 0});
        v.frame(new double[] {0, 0, 0}, 1);
        SplatCamera s = v.splatCamera(100, 100);
        // Points on the sphere across the view direction stay inside the image.
        for (double[] p : new double[][] {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}}) {
            double[] px = ViewMath.project(s, p);
            assertThat(px).isNotNull();
            assertThat(px[0]).isBetween(0.0, 100.0);
            assertThat(px[1]).isBetween(0.0, 100.0);
        }
    }

    @Test
    void theCameraUnderTheMouseIsTheNearestWithinTwelvePixels() {
        ViewCamera v = new ViewCamera();
        v.snap(99, TestScenes.lookingAlongZ(new float[] {0, 0, -3}));
        var cams = List.of(new ViewerContent.DatasetCamera(0, "a", "train", TestScenes.lookingAlongZ(
                new float[] {-0.5f, 0, 0})), new ViewerContent.DatasetCamera(1, "b", "test",
                TestScenes.lookingAlongZ(new float[] {0.5f, 0, 0})));
        double[] b = ViewMath.project(v.splatCamera(64, 64), new double[] {0.5, 0, 0});
        int[] viewport = {0, 0, 64, 64};
        assertThat(InputController.hovered(v, cams, viewport, b[0] + 3, b[1] - 2)).isEqualTo(1);
        assertThat(InputController.hovered(v, cams, viewport, b[0] + 20, b[1])).isEqualTo(-1);
    }

    @Test
    void upAxisOfDatasetCamerasIsTheirMeanMinusY() {
        // OpenCV cameras whose image "down" is world -z: up is +z.
        float[] w2c = {1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1};
        SplatCamera c = new SplatCamera(w2c, new float[3], 50, 50, 32, 32, 64, 64, 0.2f);
        double[] up = ContentLoader.upOf(List.of(new ViewerContent.DatasetCamera(0, "a", "train", c)));
        assertThat(up).containsExactly(new double[] {0, 0, 1}, within(1e-9));
    }
}
