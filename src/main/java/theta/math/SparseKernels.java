package theta.math;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * The native kernels of {@link SparseMatrix} products (src/main/c/theta_sparse.c), built by the
 * project when a C compiler is there and loaded from the class path. Where they are missing (no
 * compiler at build time, another platform) {@link #AVAILABLE} is false and the network keeps its
 * dense products: nothing fails, it is only slower.
 *
 * <p>The library holds the kernels three times, compiled for AVX-512 (x86-64-v4), AVX2+FMA
 * (x86-64-v3) and plain x86-64; every call names the variant it wants, and the library runs the
 * best one this CPU has when asked for more. {@link #DEFAULT} is the best one, unless the system
 * property {@code theta.sparse.isa} (read once: {@code x86-64-v4}, {@code x86-64-v3} or
 * {@code x86-64}) asks for a lower one: benchmarks use it to time the AVX2 code on an AVX-512 CPU.
 *
 * <p>Addresses are the vectors' native memory, already offset to the first element; the callers
 * keep the vectors reachable until a call returns.
 */
final class SparseKernels {
    /** Where the build puts the library inside the class path. */
    static final String RESOURCE = "/theta/math/native/linux-x86_64/libthetasparse.so";
    static final boolean AVAILABLE;
    /** The variants' names, by number (the numbers the native calls take). */
    private static final String[] NAMES = {"x86-64", "x86-64-v3 (AVX2, FMA)", "x86-64-v4 (AVX-512)"};
    /** The best variant this CPU runs (-1 when the library is not loaded). */
    static final int BEST;
    /** The variant products and indexes use (see the class comment). */
    static final int DEFAULT;
    /** The instruction set the kernels run with, or why they are not loaded. */
    static final String DESCRIPTION;

    static {
        String problem = load();
        boolean ok = problem == null;
        int best = -1;
        String d = problem;
        try {
            if (ok) {
                best = Math.min(best(), NAMES.length - 1);
            }
        } catch (UnsatisfiedLinkError e) {
            ok = false;
            d = "native kernels not linked: " + e.getMessage();
        }
        AVAILABLE = ok;
        BEST = ok ? best : -1;
        DEFAULT = ok ? chosen(System.getProperty("theta.sparse.isa"), best) : -1;
        DESCRIPTION = ok ? name(DEFAULT) : d;
    }

    private SparseKernels() {}

    /** The variant {@code asked} names (by its name's first word) when this CPU runs it, else {@code best}. */
    private static int chosen(String asked, int best) {
        for (int v = 0; asked != null && v <= best; v++) {
            if (NAMES[v].split(" ")[0].equals(asked.trim())) {
                return v;
            }
        }
        return best;
    }

    /** A variant's name, e.g. "x86-64-v4 (AVX-512)". */
    static String name(int variant) {
        return NAMES[variant];
    }

    /** The variants this CPU runs, lowest first (none when the library is not loaded). */
    static int[] variants() {
        int[] v = new int[BEST + 1];
        for (int i = 0; i <= BEST; i++) {
            v[i] = i;
        }
        return v;
    }

    /** The failure that {@link #index} or {@link #bytePairs} reports by a negative count. */
    static IllegalStateException indexFailure(int code) {
        return new IllegalStateException("sparse index: " + (code == -1 ? "over 2^31 nonzeros" : "out of memory"));
    }

    /** Loads the library; returns null, or why it could not. */
    private static String load() {
        String arch = System.getProperty("os.arch");
        if (!System.getProperty("os.name").startsWith("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "no native sparse kernels for " + System.getProperty("os.name") + " " + arch;
        }
        URL url = SparseKernels.class.getResource(RESOURCE);
        if (url == null) {
            return "native sparse kernels not built (no C compiler when theta was built)";
        }
        try {
            if (url.getProtocol().equals("file")) {
                System.load(Paths.get(url.toURI()).toString());
                return null;
            }
            // Inside a jar: copied to a temporary file, loaded, and the file removed (the mapping stays).
            Path tmp = Files.createTempFile("theta-sparse", ".so");
            try (InputStream in = url.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                System.load(tmp.toString());
            } finally {
                Files.deleteIfExists(tmp);
            }
            return null;
        } catch (IOException | java.net.URISyntaxException | UnsatisfiedLinkError | SecurityException e) {
            return "native sparse kernels not loaded: " + e.getMessage();
        }
    }

    /**
     * C[r, j0..j1) = alpha * sum over row r's entries (index q, value x) of x * B[q, j0..j1) +
     * beta * C[r, j0..j1), for the rows of a CSR matrix whose B has k rows, with kernel variant
     * {@code isa}; beta 0 does not read C. Returns 0, or -1 when the kernel's scratch memory could
     * not be allocated.
     */
    static native int times(int isa, boolean f64, int rows, long ptr, long idx, long val, int k, long b, int ldb,
                            long c, int ldc, int j0, int j1, double alpha, double beta);

    /**
     * The nonzeros of a dense rows x cols matrix (leading dimension ld) as CSR into ptr, idx, val,
     * with kernel variant {@code isa}; returns their count, writing only while it is at most
     * capacity; -1 over 2^31, -2 out of memory.
     */
    static native int index(int isa, boolean f64, long x, int rows, int cols, int ld, long ptr, long idx, long val,
                            int capacity);

    /**
     * C[:, j0..j1) = alpha * op(S) * B + beta * C on the column pairs of S (m x k) that {@link #pairs}
     * built: op(S) = S^T when {@code gradient} (C has k rows), S otherwise (C has m rows), the
     * forward product by windows of rows whose block of C takes at most {@code window} x 256 bytes
     * (window rows of 64 floats, AVX-512's block; 0: all m rows at once), the weight gradient's
     * block of B at most {@code gwindow} x 256 bytes (partial sums kept in C: beta 0 only).
     * Returns 0, or -1 when the kernel's scratch memory could not be allocated.
     */
    static native int pairTimes(int isa, boolean f64, boolean gradient, int m, int k, long pptr, long pidx, long pval,
                                long b, int ldb, long c, int ldc, int j0, int j1, double alpha, double beta,
                                int window, int gwindow);

    /**
     * The entries of a rows x cols CSR matrix by pairs of columns (2i, 2i+1): pptr ((cols + 1) / 2
     * + 1 entries), pidx (row numbers; room for all the matrix's entries) and pval (both values of
     * each, zero where a column has none; twice that room). Returns the number of entries, or -2
     * out of memory.
     */
    static native int pairs(boolean f64, int rows, int cols, long ptr, long idx, long val, long pptr, long pidx,
                            long pval);

    /**
     * The entries of a dense matrix (leading dimension ld, cols columns) by pairs of columns, as
     * {@link #pairs} gives them from its index by rows, straight from the matrix
     * (src/main/c/theta_train.c), in three steps so that threads can share the work by rows. Count,
     * with kernel variant {@code isa}: count[i] = pair i's entries in rows r0..r1. Returns the
     * number of nonzeros in those rows.
     */
    static native long pairCount(int isa, boolean f64, long x, int r0, int r1, int cols, int ld, long count);

    /**
     * Merge: from the counts of {@code parts} parts of rows (count[p * pairs + i], parts in the
     * order of their rows), pptr (pairs + 1 entries) and where each part's entries of each pair
     * start (start[p * pairs + i]). Returns the number of entries (pptr is not valid over 2^31 - 1).
     */
    static native long pairMerge(int pairs, int parts, long count, long start, long pptr);

    /**
     * Fill: rows r0..r1's entries of pair i written from start[i] on (count[i] of them) into pidx
     * and pval (two values each). Returns 0, or -2 out of memory.
     */
    static native int pairFill(int isa, boolean f64, long x, int r0, int r1, int cols, int ld, long start, long count,
                               long pidx, long pval);

    /** The transpose of a rows x cols CSR matrix as CSR (tptr has cols + 1 entries). */
    static native void transpose(boolean f64, int rows, int cols, long ptr, long idx, long val, long tptr,
                                 long tidx, long tval);

    /**
     * C (rows x out, leading dimension ldc) = 1 bias^T + max(Z + 1 zb^T, 0) * W^T for Z rows x h
     * (ldz), zb h entries (address 0: none) and W^T h x out (ldw), with kernel variant {@code isa}
     * (see {@link ReluOutput}). Returns 0, or -1 when the kernel's scratch memory could not be
     * allocated.
     */
    static native int reluLayer(int isa, boolean f64, int rows, long z, int ldz, long zb, int h, long w, int ldw,
                                long bias, long c, int ldc, int out);

    /**
     * {@link #densePairs} of the rows x cols matrix whose row r is the unsigned bytes {@code
     * bytes[starts[r] ..)} as v / 255 (float32 or float64), straight from the bytes
     * (src/main/c/theta_infer.c): the same entries, bit for bit. Returns as densePairs does.
     */
    static native int bytePairs(int isa, boolean f64, byte[] bytes, int[] starts, int rows, int cols, long pptr,
                                long pidx, long pval, int capacity);

    /**
     * {@link #bytePairs} in the three steps of {@link #pairCount}, {@link #pairMerge} and {@link
     * #pairFill}, so that threads can share a part by rows (row r at {@code bytes[starts[r] ..)},
     * checked by the caller). Count, with kernel variant {@code isa}: count[i] = pair i's entries in
     * rows r0..r1. Returns the number of nonzero bytes in those rows, -2 out of memory.
     */
    static native long bytePairCount(int isa, byte[] bytes, int[] starts, int r0, int r1, int cols, long count);

    /**
     * Fill for {@link #bytePairCount}: rows r0..r1's entries of pair i written from next[i] on into
     * pidx and pval (two values each, as v / 255 in float32 or float64); next[i] is advanced past
     * them (give it the starts {@link #pairMerge} wrote: they are not needed after). Returns 0, or
     * -2 out of memory.
     */
    static native int bytePairFill(int isa, boolean f64, byte[] bytes, int[] starts, int r0, int r1, int cols,
                                   long next, long pidx, long pval);

    /** The best variant this CPU runs: 0 plain x86-64, 1 AVX2+FMA, 2 AVX-512. */
    private static native int best();
}
