package dev.glimpse.datasets.io;

import dev.glimpse.datasets.DatasetException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reader and writer of Portable Float Maps: a text header "PF" (RGB) or "Pf" (greyscale), then width and height,
 * then a scale whose sign gives the byte order (negative: little-endian), each followed by whitespace; then 32-bit
 * floats row by row from the BOTTOM row up. Arrays here are top row first: float32 of shape (H, W) for greyscale
 * and (H, W, 3) for colour. The scale's magnitude is ignored, as common tools do.
 */
public final class Pfm {
    /** Longest header token accepted: a header is a few short numbers, anything longer is not a PFM. */
    private static final int MAX_TOKEN = 64;

    private Pfm() {}

    /** Reads a PFM file as float32 (H, W) or (H, W, 3), top row first. */
    public static NdArray read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, Files.size(file), file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file, "file not found");
        }
    }

    private static NdArray read(InputStream in, long length, Path file) throws IOException {
        long[] consumed = {0};
        String magic = token(in, consumed, file);
        int channels = switch (magic) {
            case "Pf" -> 1;
            case "PF" -> 3;
            default -> throw new DatasetException(file, "not a PFM file (header must start with PF or Pf)");
        };
        int width = dimension(token(in, consumed, file), "width", file);
        int height = dimension(token(in, consumed, file), "height", file);
        double scale;
        String scaleText = token(in, consumed, file);
        try {
            scale = Double.parseDouble(scaleText);
        } catch (NumberFormatException e) {
            throw new DatasetException(file, "invalid scale '" + scaleText + "'");
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            throw new DatasetException(file, "scale must be non-zero and finite (its sign gives the byte order)");
        }
        long needed = (long) width * height * channels * 4;
        long available = length - consumed[0];
        if (needed > available) {
            throw new DatasetException(file, "truncated data: " + width + "x" + height + "x" + channels
                    + " floats need " + needed + " bytes but " + available + " remain");
        }
        if (needed > Integer.MAX_VALUE - 16) {
            throw new DatasetException(file, "image too large to load");
        }
        byte[] raw = in.readNBytes((int) needed);
        if (raw.length < needed) {
            throw new DatasetException(file, "truncated data");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(scale < 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        double[] values = new double[width * height * channels];
        int rowLength = width * channels;
        for (int row = height - 1; row >= 0; row--) {
            for (int i = 0; i < rowLength; i++) {
                values[row * rowLength + i] = b.getFloat();
            }
        }
        int[] shape = channels == 1 ? new int[] {height, width} : new int[] {height, width, 3};
        return NdArray.wrap(DType.FLOAT32, shape, values);
    }

    /**
     * Reads one whitespace-terminated header token, consuming exactly one whitespace byte after it: the data may
     * start with a byte that looks like whitespace, so no more may be skipped after the last token.
     */
    private static String token(InputStream in, long[] consumed, Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new DatasetException(file, "truncated header");
            }
            consumed[0]++;
            boolean space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
            if (space && b.length() > 0) {
                return b.toString();
            }
            if (!space) {
                if (b.length() >= MAX_TOKEN) {
                    throw new DatasetException(file, "not a PFM file (header token too long)");
                }
                b.append((char) c);
            }
        }
    }

    private static int dimension(String text, String what, Path file) throws DatasetException {
        try {
            int v = Integer.parseInt(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DatasetException(file, "invalid " + what + " '" + text + "'");
    }

    /**
     * Writes a float array of shape (H, W) as greyscale or (H, W, 3) as colour PFM, little-endian (scale -1), via
     * a temporary file and a move.
     */
    public static void write(Path file, NdArray image) throws IOException {
        int[] shape = image.shape();
        boolean grey = shape.length == 2;
        if (!grey && !(shape.length == 3 && shape[2] == 3)) {
            throw new IllegalArgumentException("PFM holds (H, W) or (H, W, 3) arrays, got " + image.shapeString());
        }
        int height = shape[0];
        int width = shape[1];
        int rowLength = width * (grey ? 1 : 3);
        byte[] header = ((grey ? "Pf" : "PF") + "\n" + width + " " + height + "\n-1.0\n")
                .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(header.length + image.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header);
        for (int row = height - 1; row >= 0; row--) {
            for (int i = 0; i < rowLength; i++) {
                b.putFloat((float) image.getFlat(row * rowLength + i));
            }
        }
        AtomicWrite.bytes(file, b.array());
    }
}
