package theta.math;

import java.lang.ref.Reference;
import java.nio.IntBuffer;

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
     * Rows from which {@link #indexPairs} splits the work between threads, by parts of rows. On
     * MNIST batches of 128 and 512 on this 2-core machine while others shared it (load average
     * 5-7) the split did not pay: {@code FirstLayerBench}, 512 rows, 0.71 ms a batch against
     * 0.53-0.61 on one thread, 128 rows 0.29 against 0.14; {@code EpochPhases 2 512}, wall s/epoch,
     * 0.086-0.101 against 0.049-0.085. So by default no batch the trainer takes is split; the
     * system property {@code theta.sparse.splitRows} (read once) sets another limit, for
     * measurements on a quiet machine.
     */
    static final int SPLIT_ROWS = Integer.getInteger("theta.sparse.splitRows", 4096);
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

    /** Rows per part of a threaded {@link #indexPairs} at least. */
    private static final int MIN_PART_ROWS = 32;

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
    /** Per part of rows of a threaded {@link #indexPairs}: nonzeros counted, status of the fill. */
    private long[] partNonzeros = new long[0];
    private int[] partStatus = new int[0];
    /** Each part's entries per pair, then where they start (parts x pairs ints each). */
    private IntBuffer partCounts = Csr.ints(1);
    private long partCountsAddress = Vec.addressOf(partCounts);
    /** Where each row's bytes start, for {@link #indexBytes}. */
    private int[] starts = new int[0];

    public SparseMatrix(Precision precision) {
        this(precision, SparseKernels.AVAILABLE);
    }

    SparseMatrix(Precision precision, boolean nativeIndex) {
        this.precision = precision;
        this.nativeIndex = nativeIndex && SparseKernels.AVAILABLE;
        byRow = new Csr(precision, 1);
        byColumn = new Csr(precision, 1);
        byPair = new Csr(precision, 2);
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
        rows = a.rows();
        cols = a.cols();
        byColumnCurrent = false;
        byPairCurrent = false;
        byRowCurrent = true;
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
                throw new IllegalStateException("sparse index: " + (n == -1 ? "over 2^31 nonzeros" : "out of memory"));
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
     * rows and the pairs built from it; from {@link #SPLIT_ROWS} rows on both threads (each takes
     * a range of pairs). Without the native kernels as {@link #index(MatrixView)}. Returns this.
     */
    public SparseMatrix indexPairs(MatrixView a) {
        return indexPairs(a, SparseKernels.DEFAULT);
    }

    /** {@link #indexPairs(MatrixView)} with the given variant of the native kernels. */
    SparseMatrix indexPairs(MatrixView a, int variant) {
        return indexPairs(a, variant, a.rows() >= SPLIT_ROWS ? Threads.get() : 1, false);
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
        int m = a.rows();
        int k = a.cols();
        int ld = a.ld();
        rows = m;
        cols = k;
        byRowCurrent = withRows;
        byColumnCurrent = false;
        byPairCurrent = false;
        int pairs = (k + 1) / 2;
        byPair.ensureRows(pairs);
        boolean f64 = precision == Precision.F64;
        long x = a.vec().address() + (long) a.offset() * precision.bytes();
        int parts = Math.max(1, Math.min(threads, m / MIN_PART_ROWS));
        if (partNonzeros.length < parts) {
            partNonzeros = new long[parts];
            partStatus = new int[parts];
        }
        if (partCounts.capacity() < 2 * parts * pairs) {
            partCounts = Csr.ints(2 * parts * pairs);
            partCountsAddress = Vec.addressOf(partCounts);
        }
        long count = partCountsAddress;
        long start = count + (long) parts * pairs * Integer.BYTES;
        long[] counted = partNonzeros;
        // Part p's rows are those Inputs.fill wrote in part p (the same bounds): often this thread's cache.
        Parallel.run(parts, p -> counted[p] = SparseKernels.pairCount(variant, f64, x, Parallel.bound(m, parts, p, 1),
                Parallel.bound(m, parts, p + 1, 1), k, ld, count + (long) p * pairs * Integer.BYTES));
        long n = 0;
        for (int p = 0; p < parts; p++) {
            n += counted[p];
        }
        long entries = SparseKernels.pairMerge(pairs, parts, count, start, byPair.ptrAddress());
        Reference.reachabilityFence(partCounts);
        if (entries > Integer.MAX_VALUE - 8 || n > Integer.MAX_VALUE) {
            throw new IllegalStateException("sparse index: over 2^31 nonzeros");
        }
        byPair.ensureCapacity((int) entries);
        long idx = byPair.idxAddress();
        long val = byPair.valAddress();
        int[] status = partStatus;
        Parallel.run(parts, p -> status[p] = SparseKernels.pairFill(variant, f64, x, Parallel.bound(m, parts, p, 1),
                Parallel.bound(m, parts, p + 1, 1), k, ld, start + (long) p * pairs * Integer.BYTES,
                count + (long) p * pairs * Integer.BYTES, idx, val));
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(byPair);
        Reference.reachabilityFence(partCounts);
        for (int p = 0; p < parts; p++) {
            if (status[p] != 0) {
                throw new IllegalStateException("sparse index: out of memory");
            }
        }
        nonzeros = (int) n;
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
     * index of the numbers. Returns false, having done nothing, where that does not apply (no
     * native kernels).
     */
    public boolean indexBytes(ByteRows rows, int from, int to, int cols) {
        return indexBytes(rows, from, to, cols, SparseKernels.DEFAULT);
    }

    /** {@link #indexBytes(ByteRows, int, int, int)} with the given variant of the native kernels. */
    boolean indexBytes(ByteRows source, int from, int to, int cols, int variant) {
        int m = to - from;
        if (!nativeIndex || m < 0 || cols < 0) {
            return false;
        }
        byte[] bytes = source.bytes();
        if (starts.length < m) {
            starts = new int[Math.max(m, 2 * starts.length)];
        }
        source.starts(from, to, starts);
        for (int r = 0; r < m; r++) { // the native code does not check bounds
            java.util.Objects.checkFromIndexSize(starts[r], cols, bytes.length);
        }
        rows = m;
        this.cols = cols;
        byRowCurrent = false;
        byColumnCurrent = false;
        byPairCurrent = false;
        byPair.ensureRows((cols + 1) / 2);
        int n = -1;
        for (int pass = 0; pass < 2; pass++) { // as indexPairs: again after growing the buffers, when needed
            n = SparseKernels.bytePairs(variant, precision == Precision.F64, bytes, starts, m, cols,
                    byPair.ptrAddress(), byPair.idxAddress(), byPair.valAddress(), byPair.capacity());
            int entries = byPair.start((cols + 1) / 2);
            if (n < 0 || entries < byPair.capacity()) {
                break;
            }
            byPair.ensureCapacity(entries + 1);
        }
        if (n < 0) {
            throw new IllegalStateException("sparse index: " + (n == -1 ? "over 2^31 nonzeros" : "out of memory"));
        }
        nonzeros = n;
        byPairCurrent = true;
        return true;
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
            byPair.ensureRows((cols + 1) / 2);
            byPair.ensureCapacity(nonzeros);
            int n = SparseKernels.pairs(precision == Precision.F64, rows, cols, byRow.ptrAddress(), byRow.idxAddress(),
                    byRow.valAddress(), byPair.ptrAddress(), byPair.idxAddress(), byPair.valAddress());
            Reference.reachabilityFence(byRow);
            Reference.reachabilityFence(byPair);
            if (n < 0) {
                throw new IllegalStateException("sparse index: out of memory");
            }
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
