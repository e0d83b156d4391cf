package dev.glimpse.app;

import static dev.glimpse.app.Cli.glimpse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code glimpse view} rejects bad options with one line before it opens any window. */
class ViewCommandErrorsTest {
    private static void oneLine(Cli.Result r, String expected) {
        assertThat(r.status()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("glimpse: ").contains(expected).doesNotContain("Exception");
    }

    @Test
    void badSizeModeAndRanges() {
        oneLine(glimpse("view", "--size", "big"), "--size must be WIDTHxHEIGHT");
        oneLine(glimpse("view", "--size", "8x8"), "--size must be between");
        oneLine(glimpse("view", "--mode", "xray"), "unknown render mode 'xray'");
        oneLine(glimpse("view", "--depth-range", "3,1"), "--depth-range needs FAR > NEAR");
        oneLine(glimpse("view", "--colour-map", "jet"), "--colour-map must be ramp or grey");
        oneLine(glimpse("view", "--frames", "0"), "--frames must be >= 1");
        oneLine(glimpse("view", "--camera", "-2"), "--camera must be >= 0");
    }

    @Test
    void missingInputIsNamed() {
        oneLine(glimpse("view", "no/such/scene.ply"), "no/such/scene.ply");
        oneLine(glimpse("view", "no/such/scene.ply"), "does not exist");
    }
}
