package theta.math;

/** How many threads the matrix products use. */
public final class Threads {
    private Threads() {}

    /** Sets OpenBLAS's thread count (1..cores*4). */
    public static void set(int n) {
        if (n < 1 || n > 4 * Runtime.getRuntime().availableProcessors()) {
            throw new IllegalArgumentException("--threads must be in 1.." + 4 * Runtime.getRuntime().availableProcessors()
                    + ", got " + n);
        }
        Blas.setThreads(n);
    }

    public static int get() {
        return Blas.threads();
    }
}
