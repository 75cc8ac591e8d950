package theta.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Products cut into slices across threads against the same product computed whole on one
 * thread, and against the naive triple loop: odd shapes, offsets, transposes, both precisions.
 */
class SlicedGemmTest {
    private final int threadsBefore = Threads.get();

    /**
     * {m, n, k}: large enough to be sliced (2mnk >= 1e6) unless stated; rows are cut when m >=
     * n/2, columns otherwise; none is a multiple of 16.
     */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 9, 7}, {1, 1001, 601}, {3, 1001, 601}, {333, 17, 201}, {129, 801, 785},
        {785, 801, 129}, {37, 1, 20001}, {20001, 1, 37}, {17, 3001, 23},
    };

    @AfterEach
    void restoreThreads() {
        Threads.set(threadsBefore);
    }

    @Test
    void slicedEqualsWholeInBothPrecisions() {
        SplittableRandom rng = new SplittableRandom(7);
        for (Precision p : Precision.values()) {
            for (int[] s : SHAPES) {
                for (int t = 0; t < 4; t++) {
                    for (int threads : new int[] {2, 3}) {
                        check(p, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, threads, rng);
                    }
                }
            }
        }
    }

    private static void check(Precision p, int m, int n, int k, boolean ta, boolean tb, int threads,
                              SplittableRandom rng) {
        int lda = (ta ? m : k) + 1;
        int ldb = (tb ? k : n) + 3;
        int ldc = n + 2;
        Vec a = random(p, 2 + (ta ? k : m) * lda, rng);
        Vec b = random(p, 1 + (tb ? n : k) * ldb, rng);
        Vec c0 = random(p, 4 + m * ldc, rng);
        Vec whole = c0.copy();
        Vec sliced = c0.copy();
        Threads.set(1);
        Gemm.blas().gemm(ta, tb, m, n, k, 0.5, a, 2, lda, b, 1, ldb, 0.25, whole, 4, ldc);
        Threads.set(threads);
        Gemm.blas().gemm(ta, tb, m, n, k, 0.5, a, 2, lda, b, 1, ldb, 0.25, sliced, 4, ldc);
        double norm = 0;
        double diff = 0;
        for (int i = 0; i < whole.length(); i++) {
            norm += whole.get(i) * whole.get(i);
            diff += (whole.get(i) - sliced.get(i)) * (whole.get(i) - sliced.get(i));
        }
        String what = p + " " + m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb + " threads=" + threads;
        assertTrue(Math.sqrt(diff) <= 1e-6 * Math.sqrt(norm), what + ": relative difference "
                + Math.sqrt(diff / norm));
        // Entries outside the view are untouched.
        for (int i = 0; i < 4; i++) {
            assertEquals(c0.get(i), sliced.get(i), 0.0, what + " before the view");
        }
    }

    @Test
    void slicedEqualsTheNaiveLoop() {
        SplittableRandom rng = new SplittableRandom(8);
        Threads.set(2);
        for (Precision p : Precision.values()) {
            for (int[] s : new int[][] {{1, 1001, 601}, {333, 17, 201}, {65, 257, 97}}) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                Vec a = random(p, k * m, rng);
                Vec b = random(p, n * k, rng);
                Vec c1 = p.zeros(m * n);
                Vec c2 = p.zeros(m * n);
                Gemm.blas().gemm(true, true, m, n, k, 1, a, 0, m, b, 0, k, 0, c1, 0, n);
                Gemm.naive().gemm(true, true, m, n, k, 1, a, 0, m, b, 0, k, 0, c2, 0, n);
                double tol = p == Precision.F64 ? 1e-12 : 1e-4;
                for (int i = 0; i < m * n; i++) {
                    assertEquals(c2.get(i), c1.get(i), tol * Math.max(1, Math.abs(c2.get(i))),
                            p + " " + m + "x" + n + "x" + k + " at " + i);
                }
            }
        }
    }

    private static Vec random(Precision p, int n, SplittableRandom rng) {
        Vec v = p.zeros(n);
        for (int i = 0; i < n; i++) {
            v.set(i, rng.nextDouble(-1, 1));
        }
        return v;
    }
}
