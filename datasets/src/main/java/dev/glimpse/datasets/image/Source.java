package dev.glimpse.datasets.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Something a view loads lazily from a file (its image, depth map or mask): scenes are opened quickly and pixels
 * are read only when needed.
 */
public interface Source<T> {
    /** The file this comes from, for messages. */
    Path file();

    /** Reads and decodes the file; a problem is reported as a one-line exception naming the file. */
    T load() throws IOException;
}
