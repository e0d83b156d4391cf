package dev.glimpse.datasets.ply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file read through one reusable direct buffer. Chosen over a single memory map because maps are
 * limited to 2 GiB and large splat files exceed that; a 1 MiB buffer already reads at disk speed.
 */
final class PlyInput implements AutoCloseable {
    static final int CAPACITY = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(CAPACITY);
    private long bufferEndInFile; // file offset just past the last byte held in the buffer
    private int headerLines; // lets ASCII errors cite file line numbers

    PlyInput(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
        buffer.limit(0);
    }

    Path file() {
        return file;
    }

    /** File offset of the next unread byte. */
    long position() {
        return bufferEndInFile - buffer.remaining();
    }

    /** Bytes between the read position and the end of the file. */
    long remainingInFile() {
        return size - position();
    }

    int headerLines() {
        return headerLines;
    }

    void setHeaderLines(int headerLines) {
        this.headerLines = headerLines;
    }

    void order(ByteOrder order) {
        buffer.order(order);
    }

    /** The buffer positioned at the next unread byte; call {@link #ensure} first. */
    ByteBuffer buffer() {
        return buffer;
    }

    /** Makes at least {@code n} (at most 1 MiB) bytes readable; false if the file ends first. */
    boolean ensure(int n) throws IOException {
        if (buffer.remaining() >= n) {
            return true;
        }
        buffer.compact();
        while (buffer.position() < n) {
            int read = channel.read(buffer);
            if (read < 0) {
                break;
            }
            bufferEndInFile += read;
        }
        buffer.flip();
        return buffer.remaining() >= n;
    }

    /** The next byte as 0..255, or -1 at the end of the file. */
    int read() throws IOException {
        return ensure(1) ? buffer.get() & 0xFF : -1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
