package dev.glimpse.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Bad input in a dataset or data file. The message is always one line that names the file and the problem,
 * so the command line can print it as is.
 */
public class DatasetException extends IOException {
    private final transient Path file;

    public DatasetException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public DatasetException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file (or folder) the problem was found in. */
    public Path file() {
        return file;
    }
}
