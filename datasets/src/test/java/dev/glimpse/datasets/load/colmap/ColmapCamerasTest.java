package dev.glimpse.datasets.load.colmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.scene.Distortion;
import dev.glimpse.datasets.scene.Intrinsics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColmapCamerasTest {
    private static ColmapModel.Camera camera(ColmapCameraModel model, double... params) {
        return new ColmapModel.Camera(3, model, 640, 480, params);
    }

    @Test
    void modelIdsAndParameterCountsFollowColmap() {
        int[] counts = {3, 4, 4, 5, 8, 8, 12, 5, 4, 5, 12};
        for (int id = 0; id < counts.length; id++) {
            ColmapCameraModel m = ColmapCameraModel.byId(id).orElseThrow();
            assertThat(m.id()).isEqualTo(id);
            assertThat(m.paramCount()).as("%s", m).isEqualTo(counts[id]);
            assertThat(ColmapCameraModel.byName(m.name())).contains(m);
        }
        assertThat(ColmapCameraModel.byId(11)).isEmpty();
        assertThat(ColmapCameraModel.byName("pinhole")).isEmpty();
        assertThat(ColmapCameraModel.THIN_PRISM_FISHEYE.paramNames()).endsWith("sx1", "sy1");
    }

    @Test
    void pinholeModelsMapFocalAndPrincipalPoint() {
        assertThat(ColmapCameras.intrinsics(camera(ColmapCameraModel.SIMPLE_PINHOLE, 500, 320, 240)))
                .isEqualTo(new Intrinsics(640, 480, 500, 500, 320, 240));
        assertThat(ColmapCameras.distortion(camera(ColmapCameraModel.SIMPLE_PINHOLE, 500, 320, 240)))
                .isEqualTo(Distortion.NONE);
        assertThat(ColmapCameras.intrinsics(camera(ColmapCameraModel.PINHOLE, 500, 505, 321, 239)))
                .isEqualTo(new Intrinsics(640, 480, 500, 505, 321, 239));
        assertThat(ColmapCameras.distortion(camera(ColmapCameraModel.PINHOLE, 500, 505, 321, 239)))
                .isEqualTo(Distortion.NONE);
    }

    @Test
    void radialModelsMapTheirCoefficients() {
        ColmapModel.Camera simple = camera(ColmapCameraModel.SIMPLE_RADIAL, 500, 320, 240, 0.05);
        assertThat(ColmapCameras.intrinsics(simple)).isEqualTo(new Intrinsics(640, 480, 500, 500, 320, 240));
        assertThat(ColmapCameras.distortion(simple)).isEqualTo(new Distortion(0.05, 0, 0, 0, 0, 0, 0, 0));
        ColmapModel.Camera radial = camera(ColmapCameraModel.RADIAL, 500, 320, 240, 0.05, -0.01);
        assertThat(ColmapCameras.intrinsics(radial)).isEqualTo(new Intrinsics(640, 480, 500, 500, 320, 240));
        assertThat(ColmapCameras.distortion(radial)).isEqualTo(new Distortion(0.05, -0.01, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void opencvModelsMapTheirCoefficients() {
        ColmapModel.Camera opencv = camera(ColmapCameraModel.OPENCV, 500, 505, 321, 239, 0.1, 0.2, 0.3, 0.4);
        assertThat(ColmapCameras.intrinsics(opencv)).isEqualTo(new Intrinsics(640, 480, 500, 505, 321, 239));
        assertThat(ColmapCameras.distortion(opencv)).isEqualTo(new Distortion(0.1, 0.2, 0, 0, 0, 0, 0.3, 0.4));
        ColmapModel.Camera full = camera(ColmapCameraModel.FULL_OPENCV, 500, 505, 321, 239,
                0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8);
        assertThat(ColmapCameras.intrinsics(full)).isEqualTo(new Intrinsics(640, 480, 500, 505, 321, 239));
        assertThat(ColmapCameras.distortion(full)).isEqualTo(new Distortion(0.1, 0.2, 0.5, 0.6, 0.7, 0.8, 0.3, 0.4));
    }

    /** The mapped distortion must move points exactly as COLMAP's FULL_OPENCV formula (written out here) does. */
    @Test
    void fullOpencvDistortsLikeColmapsFormula() {
        double[] p = {500, 505, 321, 239, -0.21, 0.03, 0.0012, -0.0007, 0.004, 0.01, -0.002, 0.0005};
        Distortion d = ColmapCameras.distortion(camera(ColmapCameraModel.FULL_OPENCV, p));
        double[] out = new double[2];
        for (double[] uv : List.of(new double[] {0.3, -0.2}, new double[] {-0.45, 0.1}, new double[] {0.05, 0.5})) {
            double u = uv[0];
            double v = uv[1];
            double r2 = u * u + v * v;
            double radial = (1 + p[4] * r2 + p[5] * r2 * r2 + p[8] * r2 * r2 * r2)
                    / (1 + p[9] * r2 + p[10] * r2 * r2 + p[11] * r2 * r2 * r2);
            double du = u * radial + 2 * p[6] * u * v + p[7] * (r2 + 2 * u * u);
            double dv = v * radial + 2 * p[7] * u * v + p[6] * (r2 + 2 * v * v);
            d.distort(u, v, out);
            assertThat(out[0]).isCloseTo(du, within(1e-15));
            assertThat(out[1]).isCloseTo(dv, within(1e-15));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ColmapCameraModel.class,
            names = {"OPENCV_FISHEYE", "FOV", "SIMPLE_RADIAL_FISHEYE", "RADIAL_FISHEYE", "THIN_PRISM_FISHEYE"})
    void fisheyeLikeModelsAreRefusedByName(ColmapCameraModel model) {
        ColmapModel.Camera c = camera(model, new double[model.paramCount()]);
        assertThatThrownBy(() -> ColmapCameras.intrinsics(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("camera 3 uses the " + model + " model, which Glimpse cannot undistort");
        assertThatThrownBy(() -> ColmapCameras.distortion(c)).hasMessageContaining(model.name());
    }
}
