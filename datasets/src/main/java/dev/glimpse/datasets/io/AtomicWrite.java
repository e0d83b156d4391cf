package dev.glimpse.datasets.io;

import dev.glimpse.datasets.DatasetException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old content or the complete new one: the bytes go to a temporary
 * file in the target's folder (same file system, so the rename is atomic) and are renamed over the target only
 * after they are all on disk. On any failure the temporary file is deleted and the target is left untouched.
 * Every file Glimpse writes goes through here, so an interrupted job never leaves half an output.
 */
public final class AtomicWrite {

    /** Produces the file's bytes. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWrite() {}

    public static void bytes(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    public static void string(Path target, String content) throws IOException {
        bytes(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes through {@code body}. An I/O failure becomes a one-line {@link DatasetException} naming the target;
     * a {@link DatasetException} or unchecked exception from the body passes through unchanged.
     */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new DatasetException(target, "cannot write: folder " + folder + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new DatasetException(target, "cannot write: the target is a folder");
        }
        Path temporary;
        try {
            temporary = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new DatasetException(target, "cannot create a temporary file in " + folder + ": " + e, e);
        }
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                var out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (DatasetException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetException(target, "write failed: " + e, e);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
