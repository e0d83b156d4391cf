package dev.glimpse.datasets.load;

import dev.glimpse.datasets.DatasetException;
import java.nio.file.Path;

/** Resolution of file paths written inside dataset files (JSON, text models). */
public final class DatasetPaths {
    private DatasetPaths() {}

    /**
     * Resolves a relative path found in {@code source} against the dataset root and refuses one that escapes the
     * root (absolute paths or "..") so a crafted dataset cannot make Glimpse read arbitrary files.
     */
    public static Path inside(Path root, String relative, Path source) throws DatasetException {
        if (relative == null || relative.isBlank()) {
            throw new DatasetException(source, "empty file path");
        }
        Path rel;
        try {
            rel = Path.of(relative);
        } catch (RuntimeException e) {
            throw new DatasetException(source, "invalid file path '" + relative + "'");
        }
        Path base = root.toAbsolutePath().normalize();
        Path resolved = base.resolve(rel).normalize();
        if (rel.isAbsolute() || !resolved.startsWith(base)) {
            throw new DatasetException(source, "path '" + relative + "' points outside the dataset folder");
        }
        return resolved;
    }
}
