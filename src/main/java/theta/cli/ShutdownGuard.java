package theta.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds the JVM's exit (Ctrl-C, SIGTERM) back until the work inside the guard is done: the hook
 * only raises a flag the work polls, then waits for {@link #close()}. Without it, an interrupt
 * during the final save killed the JVM mid-write and lost the whole run.
 */
final class ShutdownGuard implements AutoCloseable {
    /** Longest a Ctrl-C waits for the work to finish (a large model's save takes seconds). */
    static final long MAX_WAIT_SECONDS = 120;

    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    /** Not yet installed: {@link #install()} does that (tests run the hook themselves). */
    ShutdownGuard() {
        hook = new Thread(() -> {
            interrupted.set(true);
            try {
                done.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "theta-shutdown-guard");
    }

    static ShutdownGuard install() {
        ShutdownGuard g = new ShutdownGuard();
        Runtime.getRuntime().addShutdownHook(g.hook);
        return g;
    }

    /** True once an interrupt asked the JVM to exit: the work should stop at its next safe point. */
    boolean interrupted() {
        return interrupted.get();
    }

    /** The hook itself, for tests that play the part of the JVM shutting down. */
    Thread hook() {
        return hook;
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting because of the interrupt; the hook is running and now returns
        }
    }
}
