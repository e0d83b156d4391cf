package dev.glimpse.datasets.ply;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Moves a run of fixed-size binary records between a buffer and columns one column at a time. The
 * type switch sits outside a tight strided loop, which the JIT turns into plain loads and stores;
 * per-value dispatch was about 20 times slower on 62-property splat files.
 */
final class PlyColumnCodec {
    private PlyColumnCodec() {
    }

    /** Byte offset of each property inside a record of a fixed-size element. */
    static int[] propertyOffsets(List<PlyProperty> properties) {
        var offsets = new int[properties.size()];
        int offset = 0;
        for (int p = 0; p < properties.size(); p++) {
            offsets[p] = offset;
            offset += properties.get(p).type().byteSize();
        }
        return offsets;
    }

    /** Decodes values {@code first .. first+n} from records starting at absolute index {@code base}. */
    static void decode(ByteBuffer buffer, int base, int stride, PlyScalarColumn column, int first, int n) {
        switch (column.type()) {
            case FLOAT -> {
                float[] out = column.floatArray();
                for (int i = 0; i < n; i++) {
                    out[first + i] = buffer.getFloat(base + i * stride);
                }
            }
            case DOUBLE -> {
                double[] out = column.doubleArray();
                for (int i = 0; i < n; i++) {
                    out[first + i] = buffer.getDouble(base + i * stride);
                }
            }
            case CHAR, UCHAR -> {
                int[] out = column.intArray();
                int mask = column.type() == PlyType.UCHAR ? 0xFF : -1;
                for (int i = 0; i < n; i++) {
                    out[first + i] = buffer.get(base + i * stride) & mask;
                }
            }
            case SHORT, USHORT -> {
                int[] out = column.intArray();
                int mask = column.type() == PlyType.USHORT ? 0xFFFF : -1;
                for (int i = 0; i < n; i++) {
                    out[first + i] = buffer.getShort(base + i * stride) & mask;
                }
            }
            case INT, UINT -> {
                int[] out = column.intArray();
                for (int i = 0; i < n; i++) {
                    out[first + i] = buffer.getInt(base + i * stride);
                }
            }
        }
    }

    /** Encodes values {@code first .. first+n} into records starting at absolute index {@code base}. */
    static void encode(ByteBuffer buffer, int base, int stride, PlyScalarColumn column, int first, int n) {
        switch (column.type()) {
            case FLOAT -> {
                float[] in = column.floatArray();
                for (int i = 0; i < n; i++) {
                    buffer.putFloat(base + i * stride, in[first + i]);
                }
            }
            case DOUBLE -> {
                double[] in = column.doubleArray();
                for (int i = 0; i < n; i++) {
                    buffer.putDouble(base + i * stride, in[first + i]);
                }
            }
            case CHAR, UCHAR -> {
                int[] in = column.intArray();
                for (int i = 0; i < n; i++) {
                    buffer.put(base + i * stride, (byte) in[first + i]);
                }
            }
            case SHORT, USHORT -> {
                int[] in = column.intArray();
                for (int i = 0; i < n; i++) {
                    buffer.putShort(base + i * stride, (short) in[first + i]);
                }
            }
            case INT, UINT -> {
                int[] in = column.intArray();
                for (int i = 0; i < n; i++) {
                    buffer.putInt(base + i * stride, in[first + i]);
                }
            }
        }
    }
}
