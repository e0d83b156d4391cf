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
 * Reader and writer of NumPy's .npy format (versions 1.0, 2.0 and 3.0): the magic "\x93NUMPY", a version, a
 * little-endian header length (u16 in 1.0, u32 later), a Python-literal header dictionary and the raw data. Reads
 * the numeric dtypes of {@link DType} in either byte order and either memory order (returned in C order); rejects
 * object arrays, structured dtypes and anything truncated with a one-line {@link DatasetException}.
 */
public final class Npy {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Java arrays stop a little below 2^31 elements. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    private Npy() {}

    /** Reads a .npy file. */
    public static NdArray read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, Files.size(file), file, "");
        } catch (NoSuchFileException e) {
            throw new DatasetException(file, "file not found");
        }
    }

    /**
     * Reads one .npy stream of known length; {@code where} prefixes every problem (e.g. "member 'x.npy': ") so a
     * problem inside an archive names the member as well as the file.
     */
    static NdArray read(InputStream in, long length, Path file, String where) throws IOException {
        byte[] prefix = in.readNBytes(10);
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= prefix.length || prefix[i] != MAGIC[i]) {
                throw new DatasetException(file, where + "not a NumPy .npy file (bad magic)");
            }
        }
        if (prefix.length < 8) {
            throw new DatasetException(file, where + "truncated header");
        }
        int major = prefix[6];
        int minor = prefix[7];
        if (major < 1 || major > 3 || minor != 0) {
            throw new DatasetException(file, where + "unsupported .npy version " + major + "." + minor);
        }
        long headerStart = major == 1 ? 10 : 12;
        byte[] rest = major == 1 ? new byte[0] : in.readNBytes(2);
        if (prefix.length < 10 || rest.length < headerStart - 10) {
            throw new DatasetException(file, where + "truncated header");
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .put(prefix, 8, 2).put(rest).flip();
        long headerLength = major == 1 ? lengthBytes.getShort() & 0xFFFF : lengthBytes.getInt() & 0xFFFF_FFFFL;
        if (headerLength > length - headerStart || headerLength > MAX_ARRAY) {
            throw new DatasetException(file, where + "truncated header (" + headerLength + " bytes announced, "
                    + Math.max(0, length - headerStart) + " present)");
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw new DatasetException(file, where + "truncated header");
        }
        // Versions 1 and 2 store the header in latin-1, version 3 in UTF-8.
        String text = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header;
        try {
            header = NpyHeader.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(file, where + e.getMessage());
        }
        DType type = typeOf(header.descr(), file, where);
        ByteOrder order = byteOrderOf(header.descr());
        long count = elementCount(header.shape(), file, where);
        long needed = count * type.itemSize();
        long available = length - headerStart - headerLength;
        if (needed > available) {
            throw new DatasetException(file, where + "truncated data: shape " + NdArray.shapeString(header.shape())
                    + " of " + type.numpyName() + " needs " + needed + " bytes but " + available + " remain");
        }
        if (needed > MAX_ARRAY) {
            throw new DatasetException(file, where + "array of " + needed + " bytes is too large to load");
        }
        byte[] raw = in.readNBytes((int) needed);
        if (raw.length < needed) {
            throw new DatasetException(file, where + "truncated data (" + raw.length + " of " + needed + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(order);
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = type.read(b);
        }
        if (header.fortranOrder()) {
            values = fortranToC(values, header.shape());
        }
        return NdArray.wrap(type, header.shape(), values);
    }

    private static DType typeOf(String descr, Path file, String where) throws DatasetException {
        String code = descr.isEmpty() || "<>|=".indexOf(descr.charAt(0)) < 0 ? descr : descr.substring(1);
        if (code.startsWith("O")) {
            throw new DatasetException(file, where + "object arrays (dtype '" + descr
                    + "') hold pickled Python objects and are not supported");
        }
        DType type = DType.ofCode(code);
        if (type == null) {
            throw new DatasetException(file, where + "unsupported dtype '" + descr + "'");
        }
        return type;
    }

    private static ByteOrder byteOrderOf(String descr) {
        return descr.startsWith(">") ? ByteOrder.BIG_ENDIAN
                : descr.startsWith("<") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.nativeOrder();
    }

    private static long elementCount(int[] shape, Path file, String where) throws DatasetException {
        long n = 1;
        for (int d : shape) {
            n *= d;
            // Checked at every step so a huge shape cannot overflow to a small count.
            if (n > MAX_ARRAY) {
                throw new DatasetException(file, where + "shape " + NdArray.shapeString(shape)
                        + " has too many elements to load");
            }
        }
        return n;
    }

    /** Reorders column-major values (first index fastest) into row-major order. */
    static double[] fortranToC(double[] f, int[] shape) {
        int rank = shape.length;
        int[] fStride = new int[rank];
        int s = 1;
        for (int k = 0; k < rank; k++) {
            fStride[k] = s;
            s *= shape[k];
        }
        double[] c = new double[f.length];
        int[] index = new int[rank];
        int offset = 0;
        for (int i = 0; i < c.length; i++) {
            c[i] = f[offset];
            // Advance the multi-index in C order (last axis fastest), keeping the Fortran offset in step.
            for (int k = rank - 1; k >= 0; k--) {
                index[k]++;
                offset += fStride[k];
                if (index[k] < shape[k]) {
                    break;
                }
                offset -= fStride[k] * shape[k];
                index[k] = 0;
            }
        }
        return c;
    }

    /**
     * Writes a .npy file (version 1.0, or 2.0 when the header needs it), little-endian, C order. The file is
     * written beside the target and moved into place, so readers never see half a file.
     *
     * @throws IllegalArgumentException when a value does not fit the array's type (e.g. 300 in uint8)
     */
    public static void write(Path file, NdArray array) throws IOException {
        AtomicWrite.bytes(file, toBytes(array));
    }

    /** The complete .npy encoding of an array. */
    public static byte[] toBytes(NdArray array) {
        DType type = array.type();
        String order = type.itemSize() == 1 ? "|" : "<";
        String dict = "{'descr': '" + order + type.code() + "', 'fortran_order': False, 'shape': "
                + array.shapeString() + ", }";
        // NumPy pads the header with spaces and a newline so the data starts on a 64-byte boundary.
        int major = 10 + dict.length() + 1 <= 65535 ? 1 : 2;
        int prefix = major == 1 ? 10 : 12;
        int padded = (prefix + dict.length() + 1 + 63) / 64 * 64 - prefix;
        String header = dict + " ".repeat(padded - dict.length() - 1) + "\n";
        ByteBuffer b = ByteBuffer.allocate(prefix + padded + array.size() * type.itemSize())
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) padded);
        } else {
            b.putInt(padded);
        }
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < array.size(); i++) {
            double v = array.getFlat(i);
            if (!type.holds(v)) {
                throw new IllegalArgumentException("value " + v + " at flat index " + i + " does not fit "
                        + type.numpyName());
            }
            type.write(b, v);
        }
        return b.array();
    }
}
