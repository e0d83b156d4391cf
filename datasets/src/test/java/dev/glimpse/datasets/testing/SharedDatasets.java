package dev.glimpse.datasets.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds test data outside the module by walking up from the working directory: the benchmark scenes in
 * {@code shared/datasets} (CI checks them out beside the project, so tests that need them are skipped when they are
 * absent) and the project's bundled {@code samples/} (part of every checkout, so a missing one is a failure).
 * Every test of every module locates them through this one class.
 */
public final class SharedDatasets {
    private SharedDatasets() {}

    /** The first folder at {@code relative} below the working directory or one of its ancestors. */
    private static Optional<Path> above(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The {@code shared/datasets} folder, if one is above the working directory. */
    public static Optional<Path> root() {
        return above("shared/datasets");
    }

    /** A benchmark scene folder, if present. */
    public static Optional<Path> sceneIfPresent(String name) {
        return root().map(r -> r.resolve(name)).filter(Files::isDirectory);
    }

    /** A benchmark scene folder; the calling test is skipped (not failed) when it is not present. */
    public static Path scene(String name) {
        Optional<Path> scene = sceneIfPresent(name);
        assumeTrue(scene.isPresent(), "shared/datasets/" + name + " not found above " + Path.of("").toAbsolutePath());
        return scene.get();
    }

    /** A sample scene bundled with the project under {@code samples/}; the calling test fails when it is missing. */
    public static Path bundledSample(String name) {
        return above("samples/" + name).orElseGet(() -> fail("samples/" + name + " not found above "
                + Path.of("").toAbsolutePath() + "; it is part of the repository"));
    }
}
