package dev.glimpse.datasets.load;

import dev.glimpse.datasets.scene.Scene;
import java.io.IOException;
import java.nio.file.Path;

/** Reads one dataset format into a {@link Scene}. One implementation per format. */
public interface SceneLoader {
    /** Short format name, as `glimpse info` prints it and `--format` accepts it. */
    String name();

    /** Whether the folder looks like this format (cheap probe of file names only, no parsing). */
    boolean probe(Path folder);

    /** Loads the dataset; bad input is reported as a one-line {@link dev.glimpse.datasets.DatasetException}. */
    Scene load(Path folder, LoadOptions options) throws IOException;
}
