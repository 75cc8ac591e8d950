package theta.math;

import java.util.Objects;

/**
 * A row-major matrix inside a vector: {@code rows x cols} numbers, row i starting at
 * {@code offset + i * ld} (the leading dimension, at least cols). Products take views so that each
 * call names the shapes it multiplies; the numbers stay where they are.
 */
public record MatrixView(Vec vec, int offset, int rows, int cols, int ld) {
    public MatrixView {
        Objects.requireNonNull(vec);
        if (rows < 0 || cols < 0 || offset < 0 || ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("matrix view " + rows + "x" + cols + " at offset " + offset
                    + ", leading dimension " + ld + ": sizes must be >= 0 and ld >= max(1, cols)");
        }
        if (rows > 0 && cols > 0 && offset + (long) (rows - 1) * ld + cols > vec.length()) {
            throw new IllegalArgumentException("matrix view " + rows + "x" + cols + " at offset " + offset
                    + ", leading dimension " + ld + " does not fit its vector of length " + vec.length());
        }
    }

    /** The rows x cols matrix stored contiguously from {@code offset} (ld = cols). */
    public static MatrixView of(Vec vec, int offset, int rows, int cols) {
        return new MatrixView(vec, offset, rows, cols, Math.max(1, cols));
    }

    /** The first {@code n} rows. */
    public MatrixView topRows(int n) {
        return new MatrixView(vec, offset, n, cols, ld);
    }

    /** Rows of op(this): cols when transposed. */
    int rows(boolean transposed) {
        return transposed ? cols : rows;
    }

    int cols(boolean transposed) {
        return transposed ? rows : cols;
    }

    public Precision precision() {
        return vec.precision();
    }

    @Override
    public String toString() {
        return rows + "x" + cols + (ld == cols ? "" : " (ld " + ld + ")");
    }
}
