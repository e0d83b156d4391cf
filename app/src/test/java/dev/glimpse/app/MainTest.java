package dev.glimpse.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void runs() {
        Main.main(new String[0]);
        assertThat(Main.class).isNotNull();
    }
}
