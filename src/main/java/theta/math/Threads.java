package theta.math;

/**
 * How many threads the matrix products and the element-wise passes use (default: all cores).
 *
 * <p>theta cuts each large product into slices itself ({@link Parallel}) and runs OpenBLAS
 * single-threaded inside each slice; OpenBLAS's own thread pool is set to 1 thread.
 */
public final class Threads {
    private static volatile int count = Runtime.getRuntime().availableProcessors();

    private Threads() {}

    /** Sets the thread count (1..cores*4). */
    public static void set(int n) {
        if (n < 1 || n > 4 * Runtime.getRuntime().availableProcessors()) {
            throw new IllegalArgumentException("--threads must be in 1.." + 4 * Runtime.getRuntime().availableProcessors()
                    + ", got " + n);
        }
        count = n;
    }

    public static int get() {
        return count;
    }
}
