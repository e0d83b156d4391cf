package dev.glimpse.optimize.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.datasets.scene.Camera;
import dev.glimpse.datasets.scene.Intrinsics;
import dev.glimpse.datasets.scene.Pose;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitInitTest {
    /** A 4x4 camera at the origin looking down +z (OpenCV axes), focal length 10 pixels. */
    private static final Camera CAMERA = Camera.pinhole(new Intrinsics(4, 4, 10, 10, 2, 2), Pose.identity());

    /** A 4x4 image whose pixel (i, j) has colour (i / 4, j / 4, value). */
    private static float[] image(float value) {
        float[] rgb = new float[4 * 4 * 3];
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 4; i++) {
                int p = j * 4 + i;
                rgb[3 * p] = i / 4f;
                rgb[3 * p + 1] = j / 4f;
                rgb[3 * p + 2] = value;
            }
        }
        return rgb;
    }

    @Test
    void fillColoursAreWhatTheViewsSeeAtTheProjectionsElseTheMeanColour() {
        // (0.15, -0.05, 1) lands on pixel (3, 1); (0, 0, -1) is behind both cameras; (5, 0, 1) is off the image.
        float[] xyz = {0.15f, -0.05f, 1, 0, 0, -1, 5, 0, 1};
        float[] rgb = FitInit.seenColours(xyz, List.of(CAMERA, CAMERA), List.of(image(0.2f), image(0.6f)));
        assertThat(rgb[0]).isCloseTo(0.75f, within(1e-6f));
        assertThat(rgb[1]).isCloseTo(0.25f, within(1e-6f));
        assertThat(rgb[2]).as("mean of the two views").isCloseTo(0.4f, within(1e-6f));
        for (int point = 1; point < 3; point++) {
            assertThat(rgb[3 * point]).isCloseTo(0.375f, within(1e-6f));
            assertThat(rgb[3 * point + 1]).isCloseTo(0.375f, within(1e-6f));
            assertThat(rgb[3 * point + 2]).isCloseTo(0.4f, within(1e-6f));
        }
    }
}
