package dev.glimpse.datasets.io;

import java.nio.ByteBuffer;

/**
 * The NumPy element types Glimpse reads and writes, with their array-interface codes ("f4", "u1", ...). Values
 * travel as {@code double}: exact for every type except 64-bit integers beyond 2^53, which round to the nearest
 * double (no dataset Glimpse reads stores such values).
 */
public enum DType {
    BOOL("b1", 1, "bool"),
    INT8("i1", 1, "int8"),
    UINT8("u1", 1, "uint8"),
    INT16("i2", 2, "int16"),
    UINT16("u2", 2, "uint16"),
    INT32("i4", 4, "int32"),
    UINT32("u4", 4, "uint32"),
    INT64("i8", 8, "int64"),
    UINT64("u8", 8, "uint64"),
    FLOAT16("f2", 2, "float16"),
    FLOAT32("f4", 4, "float32"),
    FLOAT64("f8", 8, "float64");

    private final String code;
    private final int itemSize;
    private final String numpyName;

    DType(String code, int itemSize, String numpyName) {
        this.code = code;
        this.itemSize = itemSize;
        this.numpyName = numpyName;
    }

    /** The type for an array-interface code without byte order ("f4"), or null when Glimpse does not know it. */
    public static DType ofCode(String code) {
        for (DType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        return null;
    }

    /** Array-interface code without byte order, e.g. "f4". */
    public String code() {
        return code;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /** NumPy's name, e.g. "float32", for messages. */
    public String numpyName() {
        return numpyName;
    }

    public boolean isFloat() {
        return this == FLOAT16 || this == FLOAT32 || this == FLOAT64;
    }

    /** Reads one element at the buffer's position, in the buffer's byte order. */
    double read(ByteBuffer b) {
        return switch (this) {
            case BOOL -> b.get() != 0 ? 1 : 0;
            case INT8 -> b.get();
            case UINT8 -> b.get() & 0xFF;
            case INT16 -> b.getShort();
            case UINT16 -> b.getShort() & 0xFFFF;
            case INT32 -> b.getInt();
            case UINT32 -> b.getInt() & 0xFFFF_FFFFL;
            case INT64 -> (double) b.getLong();
            case UINT64 -> unsignedToDouble(b.getLong());
            case FLOAT16 -> Float.float16ToFloat(b.getShort());
            case FLOAT32 -> b.getFloat();
            case FLOAT64 -> b.getDouble();
        };
    }

    /** Writes one element; the caller has checked {@link #holds(double)}. */
    void write(ByteBuffer b, double v) {
        switch (this) {
            case BOOL -> b.put((byte) (v != 0 ? 1 : 0));
            case INT8, UINT8 -> b.put((byte) (long) v);
            case INT16, UINT16 -> b.putShort((short) (long) v);
            case INT32, UINT32 -> b.putInt((int) (long) v);
            case INT64 -> b.putLong((long) v);
            case UINT64 -> b.putLong(doubleToUnsigned(v));
            case FLOAT16 -> b.putShort(Float.floatToFloat16((float) v));
            case FLOAT32 -> b.putFloat((float) v);
            case FLOAT64 -> b.putDouble(v);
        }
    }

    /**
     * Whether the value can be stored without changing it beyond the type's precision: floats take anything,
     * integers need an integral value in range, bool needs 0 or 1.
     */
    public boolean holds(double v) {
        return switch (this) {
            case FLOAT16, FLOAT32, FLOAT64 -> true;
            case BOOL -> v == 0 || v == 1;
            default -> v == Math.rint(v) && v >= min() && v <= max();
        };
    }

    private double min() {
        return switch (this) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            default -> 0;
        };
    }

    private double max() {
        return switch (this) {
            case INT8 -> Byte.MAX_VALUE;
            case UINT8 -> 255;
            case INT16 -> Short.MAX_VALUE;
            case UINT16 -> 65535;
            case INT32 -> Integer.MAX_VALUE;
            case UINT32 -> 4294967295.0;
            // The largest doubles below 2^63 and 2^64: the exact powers would overflow the cast.
            case INT64 -> Math.nextDown(0x1p63);
            case UINT64 -> Math.nextDown(0x1p64);
            default -> 1;
        };
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : (double) (v >>> 1 | (v & 1)) * 2;
    }

    private static long doubleToUnsigned(double v) {
        return v < 0x1p63 ? (long) v : (long) (v - 0x1p63) + Long.MIN_VALUE;
    }
}
