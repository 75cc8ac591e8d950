package theta.math;

/**
 * The machine's single-precision matrix-multiply rate: a large square sgemm C = A B, timed.
 * Measured two ways with the current {@link Threads#get()} thread count: through theta's own
 * slicing ({@link Gemm#blas()}) and through OpenBLAS's own thread pool on the whole product. The
 * better of the two is the peak that training is compared with.
 *
 * @param size n of the n x n x n product
 * @param threads threads used
 * @param sliced GFLOP/s through {@link Gemm#blas()} (best of the repetitions)
 * @param openblasThreads GFLOP/s with OpenBLAS's own threads (best of the repetitions)
 */
public record GemmPeak(int size, int threads, double sliced, double openblasThreads) {
    /** The better of the two ways. */
    public double best() {
        return Math.max(sliced, openblasThreads);
    }

    /**
     * Times {@code reps} products of each kind after one warm-up. The three n x n matrices
     * (12 n^2 bytes) are native memory, released when the vectors are garbage-collected.
     */
    public static GemmPeak measure(int n, int reps) {
        if (n < 16 || n > 8192 || reps < 1) {
            throw new IllegalArgumentException("peak: size must be in 16..8192 and reps >= 1, got " + n + ", " + reps);
        }
        Vec a = Precision.F32.zeros(n * n);
        Vec b = Precision.F32.zeros(n * n);
        Vec c = Precision.F32.zeros(n * n);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (int i = 0; i < n * n; i++) {
            a.set(i, rng.nextDouble(-1, 1));
            b.set(i, rng.nextDouble(-1, 1));
        }
        double sliced = best(reps, () -> Gemm.blas().gemm(false, false, n, n, n, 1, a, 0, n, b, 0, n, 0, c, 0, n));
        int threads = Threads.get();
        double whole = best(reps, () -> Blas.withOpenblasThreads(threads, false, false, n, n, n, 1, a, 0, n,
                b, 0, n, 0, c, 0, n));
        double flop = 2.0 * n * n * n;
        return new GemmPeak(n, threads, flop / sliced / 1e9, flop / whole / 1e9);
    }

    /** Shortest time in seconds of {@code reps} runs, after one warm-up run. */
    private static double best(int reps, Runnable r) {
        r.run();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
