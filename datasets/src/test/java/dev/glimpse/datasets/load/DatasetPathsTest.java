package dev.glimpse.datasets.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.datasets.DatasetException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatasetPathsTest {
    private final Path root = Path.of("/data/scene");
    private final Path json = root.resolve("transforms.json");

    @Test
    void resolvesRelativePathsInsideTheRoot() throws Exception {
        assertThat(DatasetPaths.inside(root, "images/a.png", json)).isEqualTo(Path.of("/data/scene/images/a.png"));
        assertThat(DatasetPaths.inside(root, "./images/../images/b.png", json)).isEqualTo(Path.of("/data/scene/images/b.png"));
    }

    @Test
    void refusesPathsThatEscape() {
        assertThatThrownBy(() -> DatasetPaths.inside(root, "../secret.png", json)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("transforms.json").hasMessageContaining("outside the dataset folder");
        assertThatThrownBy(() -> DatasetPaths.inside(root, "/etc/passwd", json)).isInstanceOf(DatasetException.class);
        assertThatThrownBy(() -> DatasetPaths.inside(root, "", json)).isInstanceOf(DatasetException.class);
    }
}
