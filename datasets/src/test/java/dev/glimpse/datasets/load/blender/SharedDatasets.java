package dev.glimpse.datasets.load.blender;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the benchmark scenes in {@code shared/datasets} by walking up from the working directory. */
public final class SharedDatasets {
    private SharedDatasets() {}

    /** The scene folder; the calling test is skipped when the shared datasets are not present. */
    public static Path scene(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                Path scene = candidate.resolve(name);
                assumeTrue(Files.isDirectory(scene), "benchmark scene " + scene + " not present");
                return scene;
            }
            dir = dir.getParent();
        }
        assumeTrue(false, "no shared/datasets folder above the working directory");
        return null;
    }
}
