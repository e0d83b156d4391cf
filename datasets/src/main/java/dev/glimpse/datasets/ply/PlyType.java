package dev.glimpse.datasets.ply;

import java.util.Optional;

/**
 * The eight PLY value types. Both spellings of each (the original {@code uchar} and the sized
 * {@code uint8}) are accepted on read; the original spelling is written because it is the one every
 * reader (3DGS viewers included) understands.
 */
public enum PlyType {
    CHAR("char", "int8", 1, true, Byte.MIN_VALUE, Byte.MAX_VALUE),
    UCHAR("uchar", "uint8", 1, true, 0, 0xFF),
    SHORT("short", "int16", 2, true, Short.MIN_VALUE, Short.MAX_VALUE),
    USHORT("ushort", "uint16", 2, true, 0, 0xFFFF),
    INT("int", "int32", 4, true, Integer.MIN_VALUE, Integer.MAX_VALUE),
    UINT("uint", "uint32", 4, true, 0, 0xFFFF_FFFFL),
    FLOAT("float", "float32", 4, false, 0, 0),
    DOUBLE("double", "float64", 8, false, 0, 0);

    private final String name;
    private final String sizedName;
    private final int byteSize;
    private final boolean integer;
    private final long min;
    private final long max;

    PlyType(String name, String sizedName, int byteSize, boolean integer, long min, long max) {
        this.name = name;
        this.sizedName = sizedName;
        this.byteSize = byteSize;
        this.integer = integer;
        this.min = min;
        this.max = max;
    }

    /** The spelling written to headers ({@code uchar}, {@code float}, ...). */
    public String headerName() {
        return name;
    }

    /** Size of one value in a binary body. */
    public int byteSize() {
        return byteSize;
    }

    /** True for the six integer types (the only ones allowed as list counts). */
    public boolean isInteger() {
        return integer;
    }

    /** Smallest representable value of an integer type. */
    public long minValue() {
        return min;
    }

    /** Largest representable value of an integer type. */
    public long maxValue() {
        return max;
    }

    /** True if {@code value} is representable by this integer type. */
    public boolean fits(long value) {
        return value >= min && value <= max;
    }

    /** Looks up a type by either of its header spellings. */
    public static Optional<PlyType> fromHeaderName(String headerName) {
        for (PlyType type : values()) {
            if (type.name.equals(headerName) || type.sizedName.equals(headerName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
