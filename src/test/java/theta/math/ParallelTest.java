package theta.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A deadlock fails the test instead of hanging the build. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ParallelTest {
    private final int threadsBefore = Threads.get();

    @AfterEach
    void restoreThreads() {
        Threads.set(threadsBefore);
    }

    @Test
    void everyPartRunsExactlyOnce() {
        for (int threads : new int[] {1, 2, 3}) {
            Threads.set(threads);
            for (int parts : new int[] {0, 1, 2, 5, 64}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(parts, 1));
                Parallel.run(parts, runs::incrementAndGet);
                for (int p = 0; p < parts; p++) {
                    assertEquals(1, runs.get(p), "part " + p + " of " + parts + " on " + threads + " threads");
                }
            }
        }
    }

    @Test
    void rangesCoverEachIndexOnceWithAlignedBounds() {
        Threads.set(3);
        for (int n : new int[] {0, 1, 15, 16, 17, 1000, 4097}) {
            AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(n, 1));
            Parallel.forRange(n, 4, 16, (from, to) -> {
                if (from % 16 != 0) {
                    throw new AssertionError("range starts at " + from);
                }
                for (int i = from; i < to; i++) {
                    hits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertEquals(1, hits.get(i), "index " + i + " of " + n);
            }
        }
    }

    @Test
    void nestedJobsRunInTheCallingThread() {
        Threads.set(2);
        for (int rep = 0; rep < 2000; rep++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(4);
            Parallel.run(2, outer -> Parallel.run(2, inner -> runs.incrementAndGet(2 * outer + inner)));
            for (int i = 0; i < 4; i++) {
                assertEquals(1, runs.get(i), "repetition " + rep);
            }
        }
    }

    @Test
    void aFailingPartFailsTheJobAndThePoolStaysUsable() {
        Threads.set(2);
        for (int bad = 0; bad < 4; bad++) {
            int b = bad;
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.run(4, p -> {
                if (p == b) {
                    throw new IllegalStateException("part " + p);
                }
            }));
            assertEquals("part " + bad, e.getMessage());
        }
        AtomicIntegerArray runs = new AtomicIntegerArray(8);
        Parallel.run(8, runs::incrementAndGet);
        for (int p = 0; p < 8; p++) {
            assertEquals(1, runs.get(p));
        }
    }
}
