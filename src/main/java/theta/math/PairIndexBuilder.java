package theta.math;

import java.lang.ref.Reference;
import java.nio.IntBuffer;
import java.util.Objects;

/**
 * Builds a {@link SparseMatrix}'s index by pairs of columns: straight from what it indexes, with no
 * index by rows first, from a matrix of numbers ({@link SparseMatrix#indexPairs}, its rows shared
 * by parts between threads) or from the bytes of images ({@link SparseMatrix#indexBytes}); or from
 * its index by rows ({@link SparseMatrix#pairs}). Holds the scratch those builds reuse batch after
 * batch. Native kernels only; not shared between threads (one per SparseMatrix).
 */
final class PairIndexBuilder {
    /**
     * Rows from which {@link SparseMatrix#indexPairs} splits the work between threads, by parts of
     * rows. On MNIST batches of 128 and 512 on this 2-core machine while others shared it (load
     * average 5-7) the split did not pay: {@code FirstLayerBench}, 512 rows, 0.71 ms a batch
     * against 0.53-0.61 on one thread, 128 rows 0.29 against 0.14; {@code EpochPhases 2 512}, wall
     * s/epoch, 0.086-0.101 against 0.049-0.085. So by default no batch the trainer takes is split;
     * the system property {@code theta.sparse.splitRows} (read once) sets another limit, for
     * measurements on a quiet machine.
     */
    static final int SPLIT_ROWS = Integer.getInteger("theta.sparse.splitRows", 4096);

    /**
     * Rows from which {@link SparseMatrix#indexBytes} splits the work between threads, by parts of
     * rows: training batches of 256 and more (inference's parts, at most 128 rows, stay on one
     * thread). On MNIST training batches on this 2-core machine ("Intel(R) Xeon(R) Processor",
     * AVX-512) while others shared it (load average 2.2-2.5), median wall ms per batch split on 2
     * threads against 1, six runs of {@code java -cp target/classes:target/test-classes:$(cat
     * target/cp.txt) theta.math.ByteIndexBench 2 100 10} (three) and {@code ... 2 200 10} (three):
     * 512 rows 0.40-0.55 against 0.46-0.69 (ratio 0.80-0.92), 256 rows 0.20-0.26 against 0.22-0.29
     * (0.80-1.00), 128 rows 0.11-0.16 against 0.11-0.14 (0.85-1.18: no gain). Small: at 512 rows
     * 0.04-0.14 ms a batch, 4-14 ms per epoch of 50,000 images. The system property {@code
     * theta.sparse.byteSplitRows} (read once) sets another limit.
     */
    static final int BYTE_SPLIT_ROWS = Integer.getInteger("theta.sparse.byteSplitRows", 256);

    /** Rows per part of a threaded {@link #fromMatrix} or {@link #fromBytes} at least. */
    private static final int MIN_PART_ROWS = 32;

    private final boolean f64;
    /** Per part of rows of a threaded build ({@link #byParts}): nonzeros counted, status of the fill. */
    private long[] partNonzeros = new long[0];
    private int[] partStatus = new int[0];
    /** Each part's entries per pair, then where they start (parts x pairs ints each). */
    private IntBuffer partCounts = Csr.ints(1);
    private long partCountsAddress = Vec.addressOf(partCounts);
    /** Where each row's bytes start, for {@link #fromBytes}. */
    private int[] starts = new int[0];

    PairIndexBuilder(Precision precision) {
        f64 = precision == Precision.F64;
    }

    /**
     * Writes the entries of {@code a} (of this builder's precision) by pairs of columns into
     * {@code byPair}, on at most {@code threads} threads (the entries do not depend on it), in three
     * steps: each part of rows counts its pairs' entries, one thread places them, each part fills
     * its own. Returns the number of nonzeros.
     */
    int fromMatrix(MatrixView a, int variant, int threads, Csr byPair) {
        int k = a.cols();
        int ld = a.ld();
        long x = a.vec().address() + (long) a.offset() * a.precision().bytes();
        // Part p's rows are those Inputs.fill wrote in part p (the same bounds): often this thread's cache.
        int n = byParts(a.rows(), k, threads, byPair,
                (r0, r1, count) -> SparseKernels.pairCount(variant, f64, x, r0, r1, k, ld, count),
                (r0, r1, start, count, idx, val) -> SparseKernels.pairFill(variant, f64, x, r0, r1, k, ld, start,
                        count, idx, val));
        Reference.reachabilityFence(a);
        return n;
    }

    /** The count step of a part of rows r0..r1 into count (pairs ints); returns its nonzeros. */
    private interface PartCount {
        long count(int r0, int r1, long count);
    }

    /** The fill step of a part of rows r0..r1 from start (its count step's counts at count); returns 0 or -2. */
    private interface PartFill {
        int fill(int r0, int r1, long start, long count, long idx, long val);
    }

    /**
     * The three steps of {@link #fromMatrix} and of a split {@link #fromBytes} on m rows of cols
     * columns: each part of rows counts its pairs' entries, one thread places them ({@link
     * SparseKernels#pairMerge}), each part fills its own. Returns the number of nonzeros.
     */
    private int byParts(int m, int cols, int threads, Csr byPair, PartCount counter, PartFill filler) {
        int pairs = (cols + 1) / 2;
        byPair.ensureRows(pairs);
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
        Parallel.run(parts, p -> counted[p] = counter.count(Parallel.bound(m, parts, p, 1),
                Parallel.bound(m, parts, p + 1, 1), count + (long) p * pairs * Integer.BYTES));
        long n = 0;
        boolean failed = false;
        for (int p = 0; p < parts; p++) {
            n += counted[p];
            failed |= counted[p] < 0;
        }
        if (failed) {
            throw SparseKernels.indexFailure(-2);
        }
        long entries = SparseKernels.pairMerge(pairs, parts, count, start, byPair.ptrAddress());
        Reference.reachabilityFence(partCounts);
        if (entries > Integer.MAX_VALUE - 8 || n > Integer.MAX_VALUE) {
            throw SparseKernels.indexFailure(-1);
        }
        byPair.ensureCapacity((int) entries);
        long idx = byPair.idxAddress();
        long val = byPair.valAddress();
        int[] status = partStatus;
        Parallel.run(parts, p -> status[p] = filler.fill(Parallel.bound(m, parts, p, 1),
                Parallel.bound(m, parts, p + 1, 1), start + (long) p * pairs * Integer.BYTES,
                count + (long) p * pairs * Integer.BYTES, idx, val));
        Reference.reachabilityFence(byPair);
        Reference.reachabilityFence(partCounts);
        for (int p = 0; p < parts; p++) {
            if (status[p] != 0) {
                throw SparseKernels.indexFailure(-2);
            }
        }
        return (int) n;
    }

    /**
     * Writes the entries of the {@code rows} x {@code cols} matrix indexed by rows in {@code byRow}
     * ({@code nonzeros} of them) by pairs of columns into {@code byPair}.
     */
    void fromRows(Csr byRow, int rows, int cols, int nonzeros, Csr byPair) {
        byPair.ensureRows((cols + 1) / 2);
        byPair.ensureCapacity(nonzeros);
        int n = SparseKernels.pairs(f64, rows, cols, byRow.ptrAddress(), byRow.idxAddress(), byRow.valAddress(),
                byPair.ptrAddress(), byPair.idxAddress(), byPair.valAddress());
        Reference.reachabilityFence(byRow);
        Reference.reachabilityFence(byPair);
        if (n < 0) {
            throw new IllegalStateException("sparse index: out of memory");
        }
    }

    /**
     * Where rows {@code from..to} of {@code source} start in its bytes, each checked to hold
     * {@code cols} bytes (the native code does not check bounds), for {@link #fromBytes}: an array
     * this builder reuses (its first {@code to - from} entries).
     */
    int[] starts(ByteRows source, int from, int to, int cols) {
        int m = to - from;
        byte[] bytes = source.bytes();
        if (starts.length < m) {
            starts = new int[Math.max(m, 2 * starts.length)];
        }
        source.starts(from, to, starts);
        for (int r = 0; r < m; r++) {
            Objects.checkFromIndexSize(starts[r], cols, bytes.length);
        }
        return starts;
    }

    /**
     * Writes the entries of the {@code m} x {@code cols} matrix whose row r is the bytes {@code
     * bytes[starts[r] ..)} (as v / 255; {@code starts} checked by {@link #starts}) by pairs of
     * columns into {@code byPair}, bit for bit those of the numbers, on at most {@code threads}
     * threads (the entries do not depend on it). Returns the number of nonzeros.
     */
    int fromBytes(byte[] bytes, int[] starts, int m, int cols, int variant, int threads, Csr byPair) {
        if (threads > 1 && m >= 2 * MIN_PART_ROWS) {
            return byParts(m, cols, threads, byPair,
                    (r0, r1, count) -> SparseKernels.bytePairCount(variant, bytes, starts, r0, r1, cols, count),
                    (r0, r1, start, count, idx, val) -> SparseKernels.bytePairFill(variant, f64, bytes, starts, r0,
                            r1, cols, start, idx, val));
        }
        int pairs = (cols + 1) / 2;
        byPair.ensureRows(pairs);
        int n = -1;
        for (int pass = 0; pass < 2; pass++) { // as SparseMatrix.index: again after growing the buffers, when needed
            n = SparseKernels.bytePairs(variant, f64, bytes, starts, m, cols, byPair.ptrAddress(), byPair.idxAddress(),
                    byPair.valAddress(), byPair.capacity());
            int entries = byPair.start(pairs);
            if (n < 0 || entries < byPair.capacity()) {
                break;
            }
            byPair.ensureCapacity(entries + 1);
        }
        if (n < 0) {
            throw SparseKernels.indexFailure(n);
        }
        return n;
    }
}
