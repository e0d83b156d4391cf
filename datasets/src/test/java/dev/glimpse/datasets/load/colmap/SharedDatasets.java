package dev.glimpse.datasets.load.colmap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the benchmark scenes by walking up from the working directory to a folder holding shared/datasets. */
final class SharedDatasets {
    private SharedDatasets() {}

    /** The scene folder, or a skipped test when the shared datasets are not checked out beside the project. */
    static Path scene(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/datasets").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "shared/datasets/" + name + " not found above " + Path.of("").toAbsolutePath());
        return null;
    }
}
