package dev.glimpse.datasets.ply;

import java.util.Arrays;
import java.util.Objects;

/**
 * One scalar value per record, stored in the narrowest Java array that holds every value of its
 * type exactly: {@code float[]} for float, {@code double[]} for double and {@code int[]} for the
 * six integer types (uint values above 2^31-1 kept as their bit pattern). Values therefore
 * round-trip bit for bit, and float columns (the common case) are usable without a copy.
 */
public final class PlyScalarColumn implements PlyColumn {
    private final PlyType type;
    private final float[] floats; // [size] when type == FLOAT
    private final double[] doubles; // [size] when type == DOUBLE
    private final int[] ints; // [size] for integer types

    private PlyScalarColumn(PlyType type, float[] floats, double[] doubles, int[] ints) {
        this.type = type;
        this.floats = floats;
        this.doubles = doubles;
        this.ints = ints;
    }

    /** A zero-filled column of {@code size} values. */
    public static PlyScalarColumn allocate(PlyType type, int size) {
        return switch (type) {
            case FLOAT -> new PlyScalarColumn(type, new float[size], null, null);
            case DOUBLE -> new PlyScalarColumn(type, null, new double[size], null);
            default -> new PlyScalarColumn(type, null, null, new int[size]);
        };
    }

    /** A float column backed by {@code values} (not copied). */
    public static PlyScalarColumn ofFloats(float[] values) {
        return new PlyScalarColumn(PlyType.FLOAT, Objects.requireNonNull(values), null, null);
    }

    /** A double column backed by {@code values} (not copied). */
    public static PlyScalarColumn ofDoubles(double[] values) {
        return new PlyScalarColumn(PlyType.DOUBLE, null, Objects.requireNonNull(values), null);
    }

    /**
     * An integer column backed by {@code values} (not copied). For {@link PlyType#UINT} the ints are
     * bit patterns read as unsigned. Values outside the type's range are rejected here rather than
     * silently wrapped when written.
     */
    public static PlyScalarColumn ofInts(PlyType type, int[] values) {
        if (!type.isInteger()) {
            throw new IllegalArgumentException("ofInts needs an integer PLY type, got " + type);
        }
        if (type != PlyType.UINT && type != PlyType.INT) {
            for (int i = 0; i < values.length; i++) {
                if (!type.fits(values[i])) {
                    throw new IllegalArgumentException(
                            "value " + values[i] + " at index " + i + " does not fit PLY type " + type.headerName());
                }
            }
        }
        return new PlyScalarColumn(type, null, null, Objects.requireNonNull(values));
    }

    @Override
    public PlyType type() {
        return type;
    }

    @Override
    public int size() {
        return floats != null ? floats.length : doubles != null ? doubles.length : ints.length;
    }

    /** Value {@code i} as a double; exact for every type. */
    public double getDouble(int i) {
        return switch (type) {
            case FLOAT -> floats[i];
            case DOUBLE -> doubles[i];
            case UINT -> Integer.toUnsignedLong(ints[i]);
            default -> ints[i];
        };
    }

    /** Value {@code i} as a float (rounded for double and large integer values). */
    public float getFloat(int i) {
        return type == PlyType.FLOAT ? floats[i] : (float) getDouble(i);
    }

    /** Value {@code i} of an integer column as a long (uint read as unsigned). */
    public long getLong(int i) {
        requireInteger();
        return type == PlyType.UINT ? Integer.toUnsignedLong(ints[i]) : ints[i];
    }

    /** Stores value {@code i}, converted to the column's type; integers must fit the type. */
    public void setDouble(int i, double value) {
        switch (type) {
            case FLOAT -> floats[i] = (float) value;
            case DOUBLE -> doubles[i] = value;
            default -> setLong(i, (long) value);
        }
    }

    /** Stores integer value {@code i}; it must fit the column's type. */
    public void setLong(int i, long value) {
        if (!type.isInteger()) {
            setDouble(i, value);
            return;
        }
        if (!type.fits(value)) {
            throw new IllegalArgumentException("value " + value + " does not fit PLY type " + type.headerName());
        }
        ints[i] = (int) value;
    }

    /** Stores a float value {@code i} of a float column without conversion. */
    void setFloat(int i, float value) {
        floats[i] = value;
    }

    /** Stores raw bits of an integer column (uint kept as its bit pattern). */
    void setRawInt(int i, int value) {
        ints[i] = value;
    }

    /** A column of the same type holding the first {@code newSize} values (zero-padded). */
    PlyScalarColumn copyOf(int newSize) {
        return new PlyScalarColumn(type,
                floats == null ? null : Arrays.copyOf(floats, newSize),
                doubles == null ? null : Arrays.copyOf(doubles, newSize),
                ints == null ? null : Arrays.copyOf(ints, newSize));
    }

    /** The backing array of a float column (no copy); throws for other types. */
    public float[] floatArray() {
        if (floats == null) {
            throw new IllegalStateException("PLY column is " + type.headerName() + ", not float");
        }
        return floats;
    }

    /** The backing array of an integer column (no copy); uint values are bit patterns. */
    public int[] intArray() {
        requireInteger();
        return ints;
    }

    /** The backing array of a double column (no copy); throws for other types. */
    public double[] doubleArray() {
        if (doubles == null) {
            throw new IllegalStateException("PLY column is " + type.headerName() + ", not double");
        }
        return doubles;
    }

    /** All values converted to float (a fresh copy, whatever the type). */
    public float[] toFloatArray() {
        if (floats != null) {
            return floats.clone();
        }
        var out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = getFloat(i);
        }
        return out;
    }

    private void requireInteger() {
        if (ints == null) {
            throw new IllegalStateException("PLY column is " + type.headerName() + ", not an integer type");
        }
    }
}
