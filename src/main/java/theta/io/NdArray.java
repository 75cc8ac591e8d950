package theta.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable n-dimensional array of doubles with a name, as stored in .npy/.npz and Octave files.
 *
 * <p>Elements are held in row-major (C) order whatever the file's order: element (i, j) of a
 * rows x cols matrix is {@code data[i * cols + j]}. For the 2-D helpers a 1-D array of length n
 * counts as an n x 1 column and a 0-d scalar as 1 x 1. The {@link Dtype} records the element type
 * the values had in their file; writers store doubles (or floats on request).
 */
public final class NdArray {
    private final String name;
    private final int[] shape;
    private final double[] data;
    private final Dtype dtype;

    private NdArray(String name, int[] shape, double[] data, Dtype dtype) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = shape;
        this.data = data;
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        long n = elementCount(shape);
        if (n != data.length) {
            throw new IllegalArgumentException("array '" + name + "': shape " + shapeString(shape)
                    + " holds " + n + " elements, data has " + data.length);
        }
    }

    /** An array of any rank from row-major data (copied). */
    public static NdArray of(String name, int[] shape, double[] rowMajor, Dtype dtype) {
        return new NdArray(name, shape.clone(), rowMajor.clone(), dtype);
    }

    /** A float64 array of any rank from row-major data (copied). */
    public static NdArray of(String name, int[] shape, double[] rowMajor) {
        return of(name, shape, rowMajor, Dtype.F64);
    }

    /** A rows x cols matrix from row-major data (copied): (i, j) is {@code rowMajor[i*cols + j]}. */
    public static NdArray of2d(String name, int rows, int cols, double[] rowMajor) {
        return of(name, new int[] {rows, cols}, rowMajor);
    }

    /** A rows x cols matrix from column-major data, as Octave's {@code A(:)}: (i, j) is {@code colMajor[j*rows + i]}. */
    public static NdArray fromColumnMajor(String name, int rows, int cols, double[] colMajor) {
        int[] shape = {rows, cols};
        checkLength(name, shape, colMajor.length);
        return new NdArray(name, shape, Layout.fortranToC(colMajor, shape), Dtype.F64);
    }

    /** A 0-d array holding one value. */
    public static NdArray scalar(String name, double value) {
        return new NdArray(name, new int[0], new double[] {value}, Dtype.F64);
    }

    /** Takes ownership of the arrays without copying; for readers that built them. */
    static NdArray wrap(String name, int[] shape, double[] rowMajor, Dtype dtype) {
        return new NdArray(name, shape, rowMajor, dtype);
    }

    public String name() {
        return name;
    }

    /** The same values under another name. */
    public NdArray withName(String newName) {
        return new NdArray(newName, shape, data, dtype);
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** The number of elements (1 for a 0-d scalar). */
    public int size() {
        return data.length;
    }

    public Dtype dtype() {
        return dtype;
    }

    /** Rows of a matrix; n for a 1-D array of length n; 1 for a scalar. */
    public int rows() {
        requireAtMost2d();
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Columns of a matrix; 1 for a 1-D array or a scalar. */
    public int cols() {
        requireAtMost2d();
        return shape.length == 2 ? shape[1] : 1;
    }

    /** The element at {@code idx}, one index per dimension ({@code get()} for a scalar). */
    public double get(int... idx) {
        if (idx.length != shape.length) {
            throw new IllegalArgumentException("array '" + name + "' has " + shape.length
                    + " dimensions, got " + idx.length + " indices");
        }
        int offset = 0;
        for (int k = 0; k < idx.length; k++) {
            Objects.checkIndex(idx[k], shape[k]);
            offset = offset * shape[k] + idx[k];
        }
        return data[offset];
    }

    /** The internal row-major elements, not copied: for writers in this package, which must not modify them. */
    double[] raw() {
        return data;
    }

    /** A copy of the elements in row-major (C) order. */
    public double[] data() {
        return data.clone();
    }

    /** The elements in column-major (Fortran/Octave) order, first index fastest: Octave's {@code A(:)}. */
    public double[] toColumnMajor() {
        return Layout.cToFortran(data, shape);
    }

    /** Same shape and bit-identical values (NaN equals NaN, 0.0 differs from -0.0); name and dtype ignored. */
    public boolean sameValues(NdArray other) {
        return Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    /** "3x4", "5" for 1-D, "scalar" for 0-d. */
    public String shapeString() {
        return shapeString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray a && name.equals(a.name) && dtype == a.dtype && sameValues(a);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "NdArray[" + (name.isEmpty() ? "" : name + " ") + dtype.npyCode() + " " + shapeString() + "]";
    }

    static String shapeString(int[] shape) {
        if (shape.length == 0) {
            return "scalar";
        }
        StringBuilder s = new StringBuilder();
        for (int d : shape) {
            s.append(s.length() == 0 ? "" : "x").append(d);
        }
        return s.toString();
    }

    /** The product of the dimensions; -1 when a dimension is negative or the product overflows a long. */
    static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0 || (d > 0 && n > Long.MAX_VALUE / d)) {
                return -1;
            }
            n *= d;
        }
        return n;
    }

    private static void checkLength(String name, int[] shape, int length) {
        if (elementCount(shape) != length) {
            throw new IllegalArgumentException("array '" + name + "': shape " + shapeString(shape)
                    + " does not match " + length + " elements");
        }
    }

    private void requireAtMost2d() {
        if (shape.length > 2) {
            throw new IllegalArgumentException("array '" + name + "' is " + shapeString()
                    + " (" + shape.length + " dimensions), expected a matrix");
        }
    }
}
