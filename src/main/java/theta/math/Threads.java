package theta.math;

/**
 * How many threads the matrix products and the element-wise passes use (default: all cores).
 *
 * <p>theta cuts each large product into slices itself ({@link Parallel}) and runs OpenBLAS
 * single-threaded inside each slice; OpenBLAS's own thread pool is set to 1 thread.
 *
 * <p>The count is JVM-wide: code that changes it for one job uses {@link #use} and so gives the
 * previous count back when the job ends.
 */
public final class Threads {
    private static volatile int count = Runtime.getRuntime().availableProcessors();

    private Threads() {}

    /** Sets the thread count (1..cores*4). */
    public static void set(int n) {
        int max = 4 * Runtime.getRuntime().availableProcessors();
        if (n < 1 || n > max) {
            throw new IllegalArgumentException("threads must be in 1.." + max + ", got " + n);
        }
        count = n;
    }

    /** The thread count. */
    public static int get() {
        return count;
    }

    /**
     * Sets the count to {@code n} (null: keeps it) until the returned scope is closed, which
     * restores the count it found: {@code try (Threads.Scope t = Threads.use(n)) { ... }}.
     */
    public static Scope use(Integer n) {
        Scope s = new Scope(count);
        if (n != null) {
            set(n);
        }
        return s;
    }

    /** A thread count to give back; see {@link #use}. */
    public static final class Scope implements AutoCloseable {
        private final int previous;

        private Scope(int previous) {
            this.previous = previous;
        }

        /** Restores the count that {@link #use} found. */
        @Override
        public void close() {
            count = previous;
        }
    }
}
