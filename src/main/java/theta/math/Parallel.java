package theta.math;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs a few parts of one job on {@link Threads#get()} threads: part 0 in the calling thread, the
 * others on parked daemon workers, and returns when all are done.
 *
 * <p>Why not OpenBLAS's own threads: on a small shared machine its workers synchronise many times
 * inside one product and stall whenever a core is busy elsewhere (a 128x800x784 sgemm ran 5-20x
 * slower on 2 threads than on 1). Here a product is cut into independent slices, each computed by
 * single-threaded BLAS, with one hand-off and one join per product.
 *
 * <p>Hand-off: a worker spins briefly for its next part (the gaps between products in a training
 * step are short), then parks. A job started while another is running (from another thread, or
 * from inside a part) runs all its parts in the calling thread, so nesting cannot deadlock.
 */
public final class Parallel {
    /** A range task: handles indices [from, to). */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** How long a worker or the caller spins before parking, in nanoseconds. */
    private static final long SPIN_NANOS = 50_000;

    /** Set while a job runs; not reentrant, so a job started inside a part runs inline. */
    private static final AtomicBoolean BUSY = new AtomicBoolean();
    private static Worker[] workers = new Worker[0];

    private Parallel() {}

    /**
     * Runs {@code task.accept(p)} for p in 0..parts-1, on up to {@link Threads#get()} threads;
     * each part runs exactly once, in no particular thread or order.
     */
    public static void run(int parts, IntConsumer task) {
        if (parts <= 1 || !BUSY.compareAndSet(false, true)) {
            for (int p = 0; p < parts; p++) {
                task.accept(p);
            }
            return;
        }
        try {
            Worker[] w = workers(Math.min(parts, Threads.get()) - 1);
            int helpers = Math.min(parts - 1, w.length);
            Job job = new Job(task, parts, helpers, Thread.currentThread());
            for (int i = 0; i < helpers; i++) {
                w[i].give(job);
            }
            RuntimeException failure = job.runShare();
            job.await();
            failure = failure != null ? failure : job.failure;
            if (failure != null) {
                throw failure;
            }
        } finally {
            BUSY.set(false);
        }
    }

    /**
     * Splits [0, n) into at most {@link Threads#get()} contiguous ranges of at least {@code grain}
     * indices (boundaries on multiples of {@code align}) and runs them in parallel.
     */
    public static void forRange(int n, int grain, int align, Range task) {
        int parts = parts(n, grain);
        if (parts <= 1) {
            if (n > 0) {
                task.run(0, n);
            }
            return;
        }
        run(parts, p -> task.run(bound(n, parts, p, align), bound(n, parts, p + 1, align)));
    }

    /** How many parts of at least {@code grain} indices [0, n) is worth cutting into. */
    public static int parts(int n, int grain) {
        long byGrain = n / Math.max(1, grain);
        return (int) Math.max(1, Math.min(Threads.get(), byGrain));
    }

    /** Start of part p of [0, n) cut into {@code parts} near-equal ranges, rounded to {@code align}. */
    public static int bound(int n, int parts, int p, int align) {
        if (p >= parts) {
            return n;
        }
        long b = (long) n * p / parts;
        b = b / align * align;
        return (int) Math.min(b, n);
    }

    private static synchronized Worker[] workers(int count) {
        if (workers.length < count) {
            Worker[] w = java.util.Arrays.copyOf(workers, count);
            for (int i = workers.length; i < count; i++) {
                w[i] = new Worker(i + 1);
            }
            workers = w;
        }
        return workers;
    }

    /**
     * One parallel job: the task, the next part to claim, and the join counter. Threads claim
     * parts until none are left, so a thread that the OS delays (a core busy with another
     * program) takes fewer parts instead of holding everyone up.
     */
    private static final class Job {
        final IntConsumer task;
        final int parts;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger pending;
        final Thread caller;
        volatile RuntimeException failure;

        Job(IntConsumer task, int parts, int helpers, Thread caller) {
            this.task = task;
            this.parts = parts;
            this.pending = new AtomicInteger(helpers);
            this.caller = caller;
        }

        /** Runs parts until none are left; returns the first exception instead of throwing. */
        RuntimeException runShare() {
            try {
                for (int p = next.getAndIncrement(); p < parts; p = next.getAndIncrement()) {
                    task.accept(p);
                }
                return null;
            } catch (RuntimeException | Error e) {
                return e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }

        void done(RuntimeException e) {
            if (e != null) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }

        void await() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (pending.get() > 0) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, 1_000_000);
                }
            }
        }
    }

    /** A daemon thread that runs its share of the jobs it is given. */
    private static final class Worker extends Thread {
        private volatile Job job;

        Worker(int index) {
            super("theta-parallel-" + index);
            setDaemon(true);
            start();
        }

        void give(Job j) {
            job = j;
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (true) {
                Job j = next();
                job = null;
                j.done(j.runShare());
            }
        }

        private Job next() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            Job j;
            while ((j = job) == null) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            return j;
        }
    }
}
