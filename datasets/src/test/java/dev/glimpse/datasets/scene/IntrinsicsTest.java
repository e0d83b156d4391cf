package dev.glimpse.datasets.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {
    @Test
    void downscaleKeepsTheFieldOfViewAndThePrincipalPointInProportion() {
        Intrinsics k = new Intrinsics(256, 256, 309.02, 309.02, 128, 128);
        Intrinsics h = k.downscaled(2);
        assertThat(h.width()).isEqualTo(128);
        assertThat(h.fx()).isCloseTo(154.51, within(1e-9));
        assertThat(h.cx()).isCloseTo(64, within(1e-12));
        assertThat(h.fovX()).isCloseTo(k.fovX(), within(1e-12));
        // Odd sizes round down, and the scale follows the size kept.
        Intrinsics odd = new Intrinsics(101, 75, 100, 100, 50.5, 37.5).downscaled(2);
        assertThat(odd.width()).isEqualTo(50);
        assertThat(odd.height()).isEqualTo(37);
        assertThat(odd.cx()).isCloseTo(50.5 * 50 / 101, within(1e-12));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Intrinsics(0, 10, 1, 1, 0, 0)).hasMessageContaining("size");
        assertThatThrownBy(() -> new Intrinsics(10, 10, -1, 1, 0, 0)).hasMessageContaining("focal");
        assertThatThrownBy(() -> new Intrinsics(10, 10, 1, 1, Double.NaN, 0)).hasMessageContaining("principal");
    }

    @Test
    void undistortInvertsDistort() {
        Distortion d = new Distortion(-0.12, 0.03, -0.002, 0.01, 0.0, 0.0, 0.001, -0.0005);
        Random rnd = new Random(3);
        double[] out = new double[2];
        double[] back = new double[2];
        for (int i = 0; i < 500; i++) {
            double x = rnd.nextDouble() - 0.5;
            double y = rnd.nextDouble() - 0.5;
            d.distort(x, y, out);
            d.undistort(out[0], out[1], back);
            assertThat(back[0]).isCloseTo(x, within(1e-10));
            assertThat(back[1]).isCloseTo(y, within(1e-10));
        }
        assertThat(Distortion.NONE.isNone()).isTrue();
        assertThat(Distortion.radial(0.1, 0).isNone()).isFalse();
    }
}
