package dev.glimpse.render.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdaptiveResolutionTest {
    @Test
    void slowFramesWhileMovingLowerTheScaleAndStillnessRestoresIt() {
        AdaptiveResolution a = new AdaptiveResolution();
        assertThat(a.scale(1, 0, 0.05)).isEqualTo(1f); // fast enough: full resolution even while moving
        float s = a.scale(1, 1, 0.4);                    // a 0.4 s frame: a quarter of the pixels, half the scale
        assertThat(s).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(a.scale(1, 2, 0.1)).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(0.01f)); // on target
        assertThat(a.scale(0.3f, 3, 0.1)).isEqualTo(0.3f); // never above the panel's scale
        assertThat(a.scale(1, 3, 0.1)).isLessThan(1f);     // still, but not yet settled
        assertThat(a.scale(1, 3, 0.25)).isEqualTo(1f);     // settled: one full-resolution render
        for (int i = 0; i < 50; i++) {
            a.scale(1, 10 + i, 5);
        }
        assertThat(a.scale(1, 100, 5)).isEqualTo(0.15f);   // floor
    }
}
