package dev.glimpse.datasets.ply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * Reads PLY files in any of the three encodings into a {@link PlyData}. Every failure is a
 * {@link PlyException} naming the file and the problem; element counts are checked against the file
 * size before any column is allocated.
 */
public final class PlyReader {
    private PlyReader() {
    }

    /** Reads the header and all element data. */
    public static PlyData read(Path file) throws IOException {
        try (PlyInput in = open(file)) {
            PlyHeader header = PlyHeaderParser.parse(in);
            var elements = new ArrayList<PlyElementData>();
            if (header.format().isBinary()) {
                var body = new PlyBinaryBodyReader(in, header.format());
                for (PlyElement element : header.elements()) {
                    elements.add(body.read(element));
                }
            } else {
                var body = new PlyAsciiBodyReader(in);
                for (PlyElement element : header.elements()) {
                    elements.add(body.read(element));
                }
            }
            return new PlyData(header, elements);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Limits of in-memory storage (lists beyond 2^31 items) rather than format errors.
            throw new PlyException(file, e.getMessage(), e);
        }
    }

    /** Reads and validates only the header (counts are still checked against the file size). */
    public static PlyHeader readHeader(Path file) throws IOException {
        try (PlyInput in = open(file)) {
            return PlyHeaderParser.parse(in);
        }
    }

    private static PlyInput open(Path file) throws PlyException {
        if (!Files.exists(file)) {
            throw new PlyException(file, "file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new PlyException(file, "not a regular file");
        }
        try {
            return new PlyInput(file);
        } catch (IOException e) {
            throw new PlyException(file, "cannot open: " + e.getMessage(), e);
        }
    }
}
