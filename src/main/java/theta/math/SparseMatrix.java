package theta.math;

import java.lang.ref.Reference;

/**
 * The nonzeros of a dense matrix, indexed for products that skip its zeros ({@link
 * Gemm#sparse}): by row (CSR) and, on demand, by column (the CSR of its transpose). A batch of
 * MNIST images is 81% zeros, so its first-layer products need a fifth of the dense work.
 *
 * <p>Reused batch after batch: {@link #index} re-reads a matrix into buffers that grow as needed
 * (native memory, like {@link Vec}). Not shared between threads.
 */
public final class SparseMatrix {
    /**
     * Above this fraction of nonzeros the dense product is faster, and {@code Network} keeps it.
     * On batches of 128 x 784 random pixels times 784 x 800 (forward and weight gradient, index
     * included, one thread; {@code SparseBench}, see the README's Speed section) the sparse kernels
     * took as long as sgemm near density 0.4-0.45 (AVX-512 kernels against OpenBLAS's Cooperlake
     * sgemm) and 0.37-0.4 (AVX2 kernels against its Haswell sgemm, as on an AVX2-only CPU). Images gain more
     * than random pixels (neighbouring pixels are ink together, which the kernels exploit), so 0.3
     * leaves room: MNIST batches (0.18-0.20) and elastically warped ones (0.23-0.27) go sparse;
     * Fashion-MNIST (about 0.5) stays dense.
     */
    public static final double DENSITY_LIMIT = 0.3;

    /**
     * The forward product of a matrix indexed by rows only ({@link #index}) goes by pairs of
     * columns up to this many rows, by rows (examples) above. Indexed by pairs ({@link
     * #indexPairs}, as training does), it goes by pairs at any height, in windows of {@link
     * #PAIR_WINDOW} rows.
     */
    static final int PAIR_ROWS = 256;

    /**
     * The forward product by pairs takes at most this many rows of 64 floats at a time (32 KB; as
     * many bytes in rows of AVX2's narrower blocks: 256 rows of 32 floats), so that its block of C
     * stays in the first-level cache (48 KB here, 32 KB on AMD Zen 3). On MNIST batches of 512,
     * forward ms per batch ({@code FirstLayerBench}, medians, 1 / 2 threads, load 3.6-6), AVX-512:
     * all rows at once 3.8-7.4 / 4.0-4.5, windows of 256 rows 2.8-3.3 / 3.0-3.7, 128 2.5-3.4 /
     * 2.8-3.0, 64 2.9-3.8 / 3.1-3.4, by examples (the index by rows) 3.2-4.9 / 3.9-4.3; AVX2 (one
     * thread, {@code -Dtheta.sparse.isa=x86-64-v3}): all rows 4.1-4.6, windows of 256 rows (of 32
     * floats) 3.9-4.2, 128 rows 4.1-4.5, 64 rows 4.9-5.7, by examples 5.3-7.6.
     */
    static final int PAIR_WINDOW = 128;
    /**
     * The weight gradient by pairs of a matrix of over {@link #PAIR_ROWS} rows takes its rows in
     * windows whose block of B (packed, GNVEC vectors wide: 80 floats with AVX-512) takes at most
     * this many rows of 64 floats (32 KB), its partial sums kept in C between windows (the same
     * additions in the same order: the same numbers). MNIST batches of 512, one thread
     * ({@code FirstLayerBench}, medians, load 3.7-3.9): AVX-512 0.89-1.02 of the time without
     * windows in four runs, AVX2 0.88-0.96 in three; two threads, one run: 1.01. At 128 rows it
     * was slower (1.19), hence only over PAIR_ROWS.
     */
    static final int GRADIENT_WINDOW = 128;

    private final Precision precision;
    /** Index with the native kernels (false only in tests of the plain-Java twin). */
    private final boolean nativeIndex;
    private final Csr byRow;
    /** Whether byRow holds the last matrix indexed ({@link #indexPairs} builds only the pairs). */
    private boolean byRowCurrent = true;
    private final Csr byColumn;
    private boolean byColumnCurrent;
    /** The entries by pairs of columns, for the native kernels (two values per entry). */
    private final Csr byPair;
    private boolean byPairCurrent;
    private int rows;
    private int cols;
    private int nonzeros;
    /** Builds byPair from a matrix, bytes or byRow ({@link #indexPairs}, {@link #indexBytes}, {@link #pairs}). */
    private final PairIndexBuilder pairIndex;

    public SparseMatrix(Precision precision) {
        this(precision, SparseKernels.AVAILABLE);
    }

    SparseMatrix(Precision precision, boolean nativeIndex) {
        this.precision = precision;
        this.nativeIndex = nativeIndex && SparseKernels.AVAILABLE;
        byRow = new Csr(precision, 1);
        byColumn = new Csr(precision, 1);
        byPair = new Csr(precision, 2);
        pairIndex = new PairIndexBuilder(precision);
    }

    /** Whether the native kernels are loaded (else products run as plain Java loops). */
    public static boolean nativeKernels() {
        return SparseKernels.AVAILABLE;
    }

    /** The kernels' instruction set, or why they are not loaded. */
    public static String kernels() {
        return SparseKernels.DESCRIPTION;
    }

    /** Indexes the nonzeros of {@code a} (NaN counts as nonzero); returns this. */
    public SparseMatrix index(MatrixView a) {
        return index(a, SparseKernels.DEFAULT);
    }

    /** {@link #index(MatrixView)} with the given variant of the native kernels ({@link SparseKernels}). */
    SparseMatrix index(MatrixView a, int variant) {
        if (a.precision() != precision) {
            throw new IllegalArgumentException("sparse index: " + a.precision() + " matrix, " + precision + " index");
        }
        shape(a.rows(), a.cols(), true);
        byRow.ensureRows(rows);
        if (nativeIndex) {
            long x = a.vec().address() + (long) a.offset() * precision.bytes();
            int n = SparseKernels.index(variant, precision == Precision.F64, x, rows, cols, a.ld(), byRow.ptrAddress(),
                    byRow.idxAddress(), byRow.valAddress(), byRow.capacity());
            if (n > byRow.capacity()) {
                byRow.ensureCapacity(n);
                n = SparseKernels.index(variant, precision == Precision.F64, x, rows, cols, a.ld(), byRow.ptrAddress(),
                        byRow.idxAddress(), byRow.valAddress(), byRow.capacity());
            }
            Reference.reachabilityFence(a);
            if (n < 0) {
                throw SparseKernels.indexFailure(n);
            }
            nonzeros = n;
        } else {
            nonzeros = byRow.fill(a);
        }
        return this;
    }

    /**
     * Indexes {@code a} for both first-layer products of a training step, which read the index by
     * pairs of columns: by pairs straight from the matrix, in about half the time of the index by
     * rows and the pairs built from it; from {@link PairIndexBuilder#SPLIT_ROWS} rows on both
     * threads (each takes a range of rows). Without the native kernels as {@link
     * #index(MatrixView)}. Returns this.
     */
    public SparseMatrix indexPairs(MatrixView a) {
        return indexPairs(a, SparseKernels.DEFAULT);
    }

    /** {@link #indexPairs(MatrixView)} with the given variant of the native kernels. */
    SparseMatrix indexPairs(MatrixView a, int variant) {
        return indexPairs(a, variant, a.rows() >= PairIndexBuilder.SPLIT_ROWS ? Threads.get() : 1, false);
    }

    /**
     * {@link #indexPairs(MatrixView)} with the given variant, on at most {@code threads} threads
     * (the entries do not depend on it); {@code withRows} builds the index by rows as well (as
     * training did before the forward product of tall batches went by pairs too: for comparisons).
     */
    SparseMatrix indexPairs(MatrixView a, int variant, int threads, boolean withRows) {
        if (!nativeIndex || a.precision() != precision) {
            return index(a, variant);
        }
        if (withRows) {
            index(a, variant);
        }
        shape(a.rows(), a.cols(), withRows);
        nonzeros = pairIndex.fromMatrix(a, variant, threads, byPair);
        byPairCurrent = true;
        return this;
    }

    /** Whether the index by rows is there (after {@link #index}, or {@link #indexPairs} with rows). */
    boolean byRows() {
        return byRowCurrent;
    }

    /**
     * {@link #indexPairs} of the {@code to - from} x {@code cols} matrix whose rows are those
     * {@code rows} fills, straight from their bytes (no matrix of numbers needed): bit for bit the
     * index of the numbers; from {@link PairIndexBuilder#BYTE_SPLIT_ROWS} rows on all threads (each
     * takes a range of rows). Returns false, having done nothing, where that does not apply (no
     * native kernels).
     */
    public boolean indexBytes(ByteRows rows, int from, int to, int cols) {
        return indexBytes(rows, from, to, cols, SparseKernels.DEFAULT);
    }

    /** {@link #indexBytes(ByteRows, int, int, int)} with the given variant of the native kernels. */
    boolean indexBytes(ByteRows source, int from, int to, int cols, int variant) {
        return indexBytes(source, from, to, cols, variant,
                to - from >= PairIndexBuilder.BYTE_SPLIT_ROWS ? Threads.get() : 1);
    }

    /**
     * {@link #indexBytes(ByteRows, int, int, int)} with the given variant, on at most {@code
     * threads} threads (the entries do not depend on it).
     */
    boolean indexBytes(ByteRows source, int from, int to, int cols, int variant, int threads) {
        int m = to - from;
        if (!nativeIndex || m < 0 || cols < 0) {
            return false;
        }
        int[] starts = pairIndex.starts(source, from, to, cols); // checked before this index changes
        shape(m, cols, false);
        nonzeros = pairIndex.fromBytes(source.bytes(), starts, m, cols, variant, threads, byPair);
        byPairCurrent = true;
        return true;
    }

    /** Takes the shape of the matrix being indexed, none of its indexes current but (if byRows) the one by rows. */
    private void shape(int rows, int cols, boolean byRows) {
        this.rows = rows;
        this.cols = cols;
        byRowCurrent = byRows;
        byColumnCurrent = false;
        byPairCurrent = false;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int nonzeros() {
        return nonzeros;
    }

    /** Nonzeros / entries (0 for an empty matrix). */
    public double density() {
        long entries = (long) rows * cols;
        return entries == 0 ? 0 : (double) nonzeros / entries;
    }

    public Precision precision() {
        return precision;
    }

    /** The CSR of op(S): by row, or for the transpose by column (built on first use after each index). */
    Csr csr(boolean transposed) {
        if (!byRowCurrent) {
            throw new IllegalStateException("sparse index: indexed by pairs of columns only (see indexPairs)");
        }
        if (!transposed) {
            return byRow;
        }
        if (!byColumnCurrent) {
            byColumn.ensureRows(cols);
            byColumn.ensureCapacity(nonzeros);
            if (nativeIndex) {
                SparseKernels.transpose(precision == Precision.F64, rows, cols, byRow.ptrAddress(), byRow.idxAddress(),
                        byRow.valAddress(), byColumn.ptrAddress(), byColumn.idxAddress(), byColumn.valAddress());
                Reference.reachabilityFence(byRow);
                Reference.reachabilityFence(byColumn);
            } else {
                byColumn.transposeOf(byRow, rows, cols);
            }
            byColumnCurrent = true;
        }
        return byColumn;
    }

    /**
     * The entries by pairs of columns (2i, 2i+1): for each pair, the rows where either column has
     * an entry, with both values (built by the native kernels on first use after each index).
     */
    Csr pairs() {
        if (!byPairCurrent) {
            pairIndex.fromRows(byRow, rows, cols, nonzeros, byPair);
            byPairCurrent = true;
        }
        return byPair;
    }

    /** The CSR for {@code C = op(S) * B}, after checking that the shapes and precisions agree. */
    Csr checkProduct(boolean transS, MatrixView b, MatrixView c) {
        checkShapes(transS, b, c);
        return csr(transS);
    }

    /** Checks that the shapes and precisions of {@code C = op(S) * B} agree. */
    void checkShapes(boolean transS, MatrixView b, MatrixView c) {
        int m = transS ? cols : rows;
        int k = transS ? rows : cols;
        if (b.rows() != k || c.rows() != m || c.cols() != b.cols()) {
            throw new IllegalArgumentException("sparse product: op(S) " + m + "x" + k + " times B " + b.rows() + "x"
                    + b.cols() + " into C " + c.rows() + "x" + c.cols());
        }
        if (b.precision() != precision || c.precision() != precision) {
            throw new IllegalArgumentException("sparse product: mixed precisions " + precision + ", "
                    + b.precision() + ", " + c.precision());
        }
    }
}
