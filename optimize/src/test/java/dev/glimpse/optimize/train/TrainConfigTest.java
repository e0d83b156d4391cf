package dev.glimpse.optimize.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.datasets.DatasetException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainConfigTest {
    @TempDir
    Path dir;

    @Test
    void writtenConfigReadsBackIdentically() throws Exception {
        TrainConfig c = new TrainConfig();
        c.seed = 42;
        c.iterations = 123;
        c.data.views = 6;
        c.data.background = new float[] {0, 0, 0};
        c.learningRates.opacity = 0.05;
        Path f = dir.resolve("config.json");
        c.write(f);
        TrainConfig back = TrainConfig.read(f);
        assertThat(back.toJson()).isEqualTo(c.toJson());
        assertThat(back.seed).isEqualTo(42);
        assertThat(back.data.background).containsExactly(0, 0, 0);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("config.json");
        }
    }

    @Test
    void partialFileKeepsDefaultsForTheRest() throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, "{\"iterations\": 50, \"densify\": {\"interval\": 10}}");
        TrainConfig c = TrainConfig.read(f);
        assertThat(c.iterations).isEqualTo(50);
        assertThat(c.densify.interval).isEqualTo(10);
        assertThat(c.densify.gradThreshold).isEqualTo(2e-4);
        assertThat(c.learningRates.positionInit).isEqualTo(1.6e-4);
    }

    @Test
    void typosMalformedJsonAndBadValuesAreOneLineErrors() throws Exception {
        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, "{\"iteratons\": 50}");
        assertThatThrownBy(() -> TrainConfig.read(typo)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("typo.json").hasMessageContaining("iteratons");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"iterations\": ");
        assertThatThrownBy(() -> TrainConfig.read(broken)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("broken.json");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"data\": {\"shDegree\": 7}}");
        assertThatThrownBy(() -> TrainConfig.read(bad)).hasMessageContaining("shDegree");
        assertThatThrownBy(() -> TrainConfig.read(dir.resolve("none.json"))).hasMessageContaining("not found");
        for (Path p : new Path[] {typo, broken, bad}) {
            assertThatThrownBy(() -> TrainConfig.read(p)).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }
}
