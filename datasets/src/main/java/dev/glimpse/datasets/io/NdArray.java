package dev.glimpse.datasets.io;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * An n-dimensional numeric array as read from or written to NumPy and PFM files: element type, shape and the
 * values in C (row-major) order, held as doubles whatever the stored type. Immutable.
 */
public final class NdArray {
    private final DType type;
    private final int[] shape;
    private final double[] data;

    /**
     * @param type  the element type the file stores (or will store)
     * @param shape dimensions, each >= 0; empty for a 0-d scalar
     * @param data  values in C order, as many as the shape holds (copied)
     */
    public NdArray(DType type, int[] shape, double[] data) {
        this(type, shape, data, true);
    }

    private NdArray(DType type, int[] shape, double[] data, boolean copy) {
        if (type == null) {
            throw new IllegalArgumentException("array needs an element type");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + shapeString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + shapeString(shape) + " holds " + n + " values, got "
                    + data.length);
        }
        this.type = type;
        this.shape = copy ? shape.clone() : shape;
        this.data = copy ? data.clone() : data;
    }

    /** Wraps arrays the caller hands over (readers in this package): no copies. */
    static NdArray wrap(DType type, int[] shape, double[] data) {
        return new NdArray(type, shape, data, false);
    }

    /** A float32 array from floats in C order. */
    public static NdArray ofFloats(int[] shape, float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return new NdArray(DType.FLOAT32, shape.clone(), d, false);
    }

    /** A float64 array from doubles in C order. */
    public static NdArray ofDoubles(int[] shape, double[] values) {
        return new NdArray(DType.FLOAT64, shape, values);
    }

    public DType type() {
        return type;
    }

    /** The dimensions (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Size of one dimension; negative axes count from the end as in NumPy. */
    public int shape(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    public int ndim() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** The element at a full multi-index. */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index has " + index.length + " axes, array has " + shape.length);
        }
        int flat = 0;
        for (int k = 0; k < shape.length; k++) {
            if (index[k] < 0 || index[k] >= shape[k]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside shape "
                        + shapeString(shape));
            }
            flat = flat * shape[k] + index[k];
        }
        return data[flat];
    }

    /** The element at a position in C order. */
    public double getFlat(int i) {
        return data[i];
    }

    /** All values in C order (a copy). */
    public double[] asDoubles() {
        return data.clone();
    }

    /** All values in C order, rounded to float. */
    public float[] asFloats() {
        float[] f = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            f[i] = (float) data[i];
        }
        return f;
    }

    /** A 2-d array as rows; throws IllegalArgumentException for other ranks. */
    public double[][] asMatrix() {
        if (shape.length != 2) {
            throw new IllegalArgumentException("expected a 2-d array, got shape " + shapeString(shape));
        }
        double[][] m = new double[shape[0]][];
        for (int i = 0; i < shape[0]; i++) {
            m[i] = Arrays.copyOfRange(data, i * shape[1], (i + 1) * shape[1]);
        }
        return m;
    }

    /** The shape written as NumPy prints it: "(3, 4)", "(5,)", "()". */
    public String shapeString() {
        return shapeString(shape);
    }

    static String shapeString(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (int d : shape) {
            j.add(Integer.toString(d));
        }
        return j.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray a && type == a.type && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NdArray[" + type.numpyName() + " " + shapeString() + "]";
    }
}
