package dev.glimpse.datasets.load.colmap;

import dev.glimpse.datasets.DatasetException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A little-endian binary file held in memory, read with bounds checks: every read first checks the bytes are
 * there, and every count is checked against the bytes left before anything is allocated for it, so a truncated or
 * hostile file fails fast with "file: record, byte offset: problem".
 */
final class LittleEndianInput {
    private final Path file;
    private final ByteBuffer buffer;
    private String record = "header";
    private int recordStart;

    LittleEndianInput(Path file) throws IOException {
        this.file = file;
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, Files.exists(file) ? "not a regular file" : "file not found");
        }
        if (Files.size(file) > Integer.MAX_VALUE - 16) {
            throw new DatasetException(file, "files over 2 GiB are not supported");
        }
        this.buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Names the record about to be read, for messages. */
    void startRecord(String name) {
        record = name;
        recordStart = buffer.position();
    }

    DatasetException fail(String problem) {
        return new DatasetException(file, record + " at byte " + recordStart + ": " + problem);
    }

    private void need(int bytes, String what) throws DatasetException {
        if (buffer.remaining() < bytes) {
            throw fail("file truncated: it ends at byte " + buffer.limit() + " inside " + what);
        }
    }

    int i32(String what) throws DatasetException {
        need(4, what);
        return buffer.getInt();
    }

    long i64(String what) throws DatasetException {
        need(8, what);
        return buffer.getLong();
    }

    int u8(String what) throws DatasetException {
        need(1, what);
        return buffer.get() & 0xff;
    }

    double f64(String what) throws DatasetException {
        need(8, what);
        return buffer.getDouble();
    }

    /** A uint64 that must lie in [min, Integer.MAX_VALUE] (image sizes). */
    int u64InRange(String what, int min) throws DatasetException {
        long v = i64(what);
        if (v < min || v > Integer.MAX_VALUE) {
            throw fail(what + " is " + Long.toUnsignedString(v) + ", must be in " + min + ".." + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    /**
     * A uint64 element count, checked against the bytes left in the file given the smallest size one element can
     * have, before the caller allocates anything for it.
     */
    int count(String what, int minBytesEach) throws DatasetException {
        long n = i64("the number of " + what);
        long fits = buffer.remaining() / minBytesEach;
        if (n < 0 || n > fits) {
            throw fail("claims " + Long.toUnsignedString(n) + " " + what + " but only " + buffer.remaining()
                    + " bytes remain (" + minBytesEach + " or more each)");
        }
        return (int) n;
    }

    /** A NUL-terminated UTF-8 string. */
    String cString(String what) throws DatasetException {
        int start = buffer.position();
        int end = start;
        while (end < buffer.limit() && buffer.get(end) != 0) {
            end++;
        }
        if (end == buffer.limit()) {
            throw fail("file truncated: " + what + " has no terminating NUL");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .decode(buffer.slice(start, end - start)).toString();
            buffer.position(end + 1);
            return s;
        } catch (CharacterCodingException e) {
            throw fail(what + " is not UTF-8 text");
        }
    }

    /** Rejects bytes left over after the last record (a sign of a wrong or corrupted file). */
    void requireEnd() throws DatasetException {
        if (buffer.hasRemaining()) {
            record = "end of file";
            recordStart = buffer.position();
            throw fail(buffer.remaining() + " unexpected bytes after the last record");
        }
    }
}
