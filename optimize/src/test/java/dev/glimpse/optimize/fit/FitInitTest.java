package dev.glimpse.optimize.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.optimize.splat.SplatCamera;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitInitTest {
    private static final float[] IDENTITY = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};

    /** A 4x4 view at the origin looking down +z whose pixel (i, j) has colour (i / 4, j / 4, value). */
    private static FitViews.FitView view(int index, float value) {
        SplatCamera cam = new SplatCamera(IDENTITY, new float[3], 10, 10, 2, 2, 4, 4, SplatCamera.DEFAULT_NEAR);
        float[] rgb = new float[4 * 4 * 3];
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 4; i++) {
                int p = j * 4 + i;
                rgb[3 * p] = i / 4f;
                rgb[3 * p + 1] = j / 4f;
                rgb[3 * p + 2] = value;
            }
        }
        return new FitViews.FitView(index, "v" + index, cam, rgb);
    }

    @Test
    void fillColoursAreWhatTheViewsSeeAtTheProjectionsElseTheMeanColour() {
        FitViews views = new FitViews(null, null, List.of(view(0, 0.2f), view(1, 0.6f)));
        // (0.15, -0.05, 1) lands on pixel (3, 1); (0, 0, -1) is behind both cameras; (5, 0, 1) is off the image.
        float[] xyz = {0.15f, -0.05f, 1, 0, 0, -1, 5, 0, 1};
        float[] rgb = FitInit.seenColours(xyz, views);
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
