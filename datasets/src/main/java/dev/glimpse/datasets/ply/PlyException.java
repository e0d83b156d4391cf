package dev.glimpse.datasets.ply;

import dev.glimpse.datasets.DatasetException;
import java.nio.file.Path;

/**
 * A PLY file could not be read or written: missing, malformed, truncated or holding values that do
 * not fit the declared layout. The message is one line naming the file and the problem.
 */
public class PlyException extends DatasetException {

    /** Creates an exception whose message is {@code "<file>: <problem>"}. */
    public PlyException(Path file, String problem) {
        super(file, problem);
    }

    /** Same as {@link #PlyException(Path, String)}, keeping the low-level cause for debugging. */
    public PlyException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
