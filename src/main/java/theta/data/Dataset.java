package theta.data;

import java.util.List;
import java.util.Objects;

import theta.math.Precision;
import theta.math.UnitBytes;
import theta.math.Vec;

/**
 * Labelled examples (images), stored compactly and read-only.
 *
 * <p>Pixels are kept as {@code byte[]} (unsigned 0..255, scaled to [0,1] on use) when every
 * value is an integer 0..255, as in IDX files: 60,000 MNIST images then cost 47 MB instead of
 * 188 MB of floats. Anything else is kept as {@code double[]} raw values, unscaled, so that float64 costs see them exactly. Example i
 * occupies {@code features()} consecutive values; a dataset may be a view (offset, size) into
 * shared arrays, which is how {@link #slice} avoids copying.
 */
public final class Dataset {
    /** value / 255 for every byte value, computed by division so it equals (float) v / 255f. */
    private static final float[] SCALE = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALE[v] = v / 255f;
        }
    }

    private final String name;
    private final String source;
    private final List<String> checksums;
    private final byte[] bytes;
    /** Non-byte values, kept in double so that float64 checks and costs see them exactly. */
    private final double[] reals;
    private final int[] labels;
    private final int start;
    private final int size;
    private final int rows;
    private final int cols;
    private final int classes;

    private Dataset(String name, String source, List<String> checksums, byte[] bytes, double[] reals,
                    int[] labels, int start, int size, int rows, int cols, int classes) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.checksums = List.copyOf(checksums);
        this.bytes = bytes;
        this.reals = reals;
        this.labels = labels;
        this.start = start;
        this.size = size;
        this.rows = rows;
        this.cols = cols;
        this.classes = classes;
    }

    /**
     * A dataset over unsigned byte pixels (0..255, row-major, one image after the other). The
     * arrays are used as they are, not copied: the caller must not change them afterwards.
     */
    public static Dataset ofBytes(String name, byte[] pixels, int[] labels, int rows, int cols, int classes) {
        check(pixels.length, labels, rows, cols, classes);
        return new Dataset(name, "", List.of(), pixels, null, labels, 0, labels.length, rows, cols, classes);
    }

    /** A dataset over raw float values (not scaled); the arrays are used as they are, not copied. */
    public static Dataset ofFloats(String name, float[] values, int[] labels, int rows, int cols, int classes) {
        double[] d = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            d[k] = values[k];
        }
        return ofDoubles(name, d, labels, rows, cols, classes);
    }

    /** A dataset over raw values, used unscaled; the array is used as it is, not copied. */
    public static Dataset ofDoubles(String name, double[] values, int[] labels, int rows, int cols, int classes) {
        check(values.length, labels, rows, cols, classes);
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("value " + values[k] + " at index " + k + " is not finite");
            }
        }
        return new Dataset(name, "", List.of(), null, values, labels, 0, labels.length, rows, cols, classes);
    }

    private static void check(int values, int[] labels, int rows, int cols, int classes) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("image shape " + rows + "x" + cols + " must be at least 1x1");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes " + classes + " must be at least 2");
        }
        if ((long) labels.length * rows * cols != values) {
            throw new IllegalArgumentException(values + " pixel values do not hold " + labels.length
                    + " images of " + rows + "x" + cols);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of example " + i
                        + " is out of range 0.." + (classes - 1));
            }
        }
    }

    public int size() {
        return size;
    }

    public int features() {
        return rows * cols;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int classes() {
        return classes;
    }

    public String name() {
        return name;
    }

    /** The folder or file the examples were read from ("" when built in memory). */
    public String source() {
        return source;
    }

    /** SHA-256 of the source files, as "sha256  filename" lines (the sha256sum format). */
    public List<String> checksums() {
        return checksums;
    }

    /** True when pixels are unsigned bytes scaled to [0,1]; false for raw values. */
    public boolean isBytes() {
        return bytes != null;
    }

    /** The class (0..classes-1) of example i. */
    public int label(int i) {
        return labels[start + Objects.checkIndex(i, size)];
    }

    /** All labels, in a new array. */
    public int[] labels() {
        int[] copy = new int[size];
        System.arraycopy(labels, start, copy, 0, size);
        return copy;
    }

    /** Feature j of example i: byte / 255 for byte storage, the raw value for float storage. */
    public float value(int i, int j) {
        int k = index(i, j);
        return bytes != null ? SCALE[bytes[k] & 0xFF] : (float) reals[k];
    }

    /** The unsigned byte 0..255 behind feature j of example i (byte storage only). */
    public int rawByte(int i, int j) {
        if (bytes == null) {
            throw new IllegalStateException(name + ": pixels are raw values, not bytes");
        }
        return bytes[index(i, j)] & 0xFF;
    }

    /**
     * Rows r of the float32 vector dst, from row {@code firstRow} on, = the scaled features of
     * examples[r] for r in [0, count), as {@link #copyRow(int, float[], int)} gives them, converted
     * natively ({@link UnitBytes}); returns false, having done nothing, where that does not apply
     * (raw values, float64, no native library). {@code starts} is scratch of at least count entries.
     */
    public boolean copyRowsNative(int[] examples, int count, int[] starts, Vec dst, int firstRow) {
        if (bytes == null || dst.precision() != Precision.F32 || !UnitBytes.available()) {
            return false;
        }
        int n = features();
        for (int r = 0; r < count; r++) {
            starts[r] = (start + Objects.checkIndex(examples[r], size)) * n;
        }
        UnitBytes.toFloats(bytes, starts, count, n, dst, Math.multiplyExact(firstRow, n));
        return true;
    }

    /** The bytes behind the pixels (not copied: callers only read them), or null for raw values. */
    byte[] pixelBytes() {
        return bytes;
    }

    /** Where example i's features begin in {@link #pixelBytes()}. */
    int byteOffset(int i) {
        return (start + Objects.checkIndex(i, size)) * features();
    }

    /** dst[off .. off+features) = the (scaled) features of example i. */
    public void copyRow(int i, float[] dst, int off) {
        int n = features();
        Objects.checkFromIndexSize(off, n, dst.length);
        int base = (start + Objects.checkIndex(i, size)) * n;
        if (bytes != null) {
            for (int j = 0; j < n; j++) {
                dst[off + j] = SCALE[bytes[base + j] & 0xFF];
            }
        } else {
            for (int j = 0; j < n; j++) {
                dst[off + j] = (float) reals[base + j];
            }
        }
    }

    /** dst[off .. off+features) = the features of example i in double: byte / 255.0, or the raw value. */
    public void copyRow(int i, double[] dst, int off) {
        int n = features();
        Objects.checkFromIndexSize(off, n, dst.length);
        int base = (start + Objects.checkIndex(i, size)) * n;
        for (int j = 0; j < n; j++) {
            dst[off + j] = bytes != null ? (bytes[base + j] & 0xFF) / 255.0 : reals[base + j];
        }
    }

    /** The features of the first {@code count} examples in double, row-major ({@code count x features}). */
    public double[] rowsAsDoubles(int count) {
        int n = features();
        double[] x = new double[Math.multiplyExact(Objects.checkIndex(count, size + 1), n)];
        for (int i = 0; i < count; i++) {
            copyRow(i, x, i * n);
        }
        return x;
    }

    private int index(int i, int j) {
        Objects.checkIndex(j, features());
        return (start + Objects.checkIndex(i, size)) * features() + j;
    }

    /** Examples from..to-1 as a view: no pixels are copied. */
    public Dataset slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new Dataset(name, source, checksums, bytes, reals, labels, start + from, to - from,
                rows, cols, classes);
    }

    /** The examples at the given indices, in that order, copied into new arrays. */
    public Dataset select(int[] indices) {
        int n = features();
        int[] l = new int[indices.length];
        byte[] b = bytes != null ? new byte[indices.length * n] : null;
        double[] f = bytes == null ? new double[indices.length * n] : null;
        for (int k = 0; k < indices.length; k++) {
            int from = (start + Objects.checkIndex(indices[k], size)) * n;
            l[k] = labels[start + indices[k]];
            if (b != null) {
                System.arraycopy(bytes, from, b, k * n, n);
            } else {
                System.arraycopy(reals, from, f, k * n, n);
            }
        }
        return new Dataset(name, source, checksums, b, f, l, 0, l.length, rows, cols, classes);
    }

    /**
     * The same examples with each image read column by column: stored value {@code c*rows + r}
     * becomes pixel (r, c) of a rows x cols image, in new arrays.
     */
    public Dataset withImagesTransposed() {
        int n = features();
        int[] perm = new int[n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                perm[r * cols + c] = c * rows + r;
            }
        }
        byte[] b = bytes != null ? new byte[size * n] : null;
        double[] f = bytes == null ? new double[size * n] : null;
        for (int i = 0; i < size; i++) {
            int from = (start + i) * n;
            for (int j = 0; j < n; j++) {
                if (b != null) {
                    b[i * n + j] = bytes[from + perm[j]];
                } else {
                    f[i * n + j] = reals[from + perm[j]];
                }
            }
        }
        return new Dataset(name, source, checksums, b, f, labels(), 0, size, rows, cols, classes);
    }

    /** The same examples under another name. */
    public Dataset named(String newName) {
        return new Dataset(newName, source, checksums, bytes, reals, labels, start, size, rows, cols, classes);
    }

    /** The same examples with provenance: the folder or file read and the sha256 lines of its files. */
    public Dataset withSource(String newSource, List<String> newChecksums) {
        return new Dataset(name, newSource, newChecksums, bytes, reals, labels, start, size, rows, cols, classes);
    }

    /**
     * The same examples with more classes declared, e.g. so a test set that lacks the highest
     * label agrees with its training set. Fewer classes than the labels need is an error.
     */
    public Dataset withClasses(int newClasses) {
        if (newClasses < classes) {
            throw new IllegalArgumentException(name + ": cannot reduce classes from " + classes + " to " + newClasses);
        }
        return new Dataset(name, source, checksums, bytes, reals, labels, start, size, rows, cols, newClasses);
    }

    @Override
    public String toString() {
        return name + ": " + size + " examples of " + rows + "x" + cols + ", " + classes + " classes";
    }
}
