package theta.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** OpenBLAS products against the naive triple loop, on odd shapes, offsets and transposes. */
class GemmTest {
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 7, 1}, {1, 1, 9}, {7, 1, 3}, {3, 5, 7}, {17, 9, 33}, {65, 31, 13}, {128, 10, 800}, {2, 3, 0},
    };

    @Test
    void blasMatchesNaiveInBothPrecisions() {
        SplittableRandom rng = new SplittableRandom(11);
        for (Precision p : Precision.values()) {
            for (int[] s : SHAPES) {
                for (int t = 0; t < 4; t++) {
                    check(p, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, rng);
                }
            }
        }
    }

    private static void check(Precision p, int m, int n, int k, boolean ta, boolean tb, SplittableRandom rng) {
        int offA = 3;
        int offB = 5;
        int offC = 2;
        int lda = (ta ? m : k) + 2; // padded rows, as views into larger vectors
        int ldb = (tb ? k : n) + 1;
        int ldc = n + 3;
        Vec a = random(p, offA + (ta ? k : m) * lda, rng);
        Vec b = random(p, offB + (tb ? n : k) * ldb, rng);
        Vec c1 = random(p, offC + m * ldc, rng);
        Vec c2 = c1.copy();
        Gemm.blas().gemm(ta, tb, m, n, k, 0.75, a, offA, lda, b, offB, ldb, -0.5, c1, offC, ldc);
        Gemm.naive().gemm(ta, tb, m, n, k, 0.75, a, offA, lda, b, offB, ldb, -0.5, c2, offC, ldc);
        double tol = p == Precision.F64 ? 1e-12 : 2e-4;
        for (int i = 0; i < c1.length(); i++) {
            assertEquals(c2.get(i), c1.get(i), tol * Math.max(1, Math.abs(c2.get(i))),
                    p + " " + m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb + " at " + i);
        }
    }

    @Test
    void aliasedOperandsUseSeparatePointers() {
        Vec v = Precision.F32.of(1, 2, 3, 4, 0, 0, 0, 0);
        // C (at 4) = A (at 0, 2x2) * A^T
        Gemm.blas().gemm(false, true, 2, 2, 2, 1, v, 0, 2, v, 0, 2, 0, v, 4, 2);
        assertEquals(5, v.get(4));
        assertEquals(11, v.get(5));
        assertEquals(11, v.get(6));
        assertEquals(25, v.get(7));
    }

    private static Vec random(Precision p, int n, SplittableRandom rng) {
        Vec v = p.zeros(n);
        for (int i = 0; i < n; i++) {
            v.set(i, rng.nextDouble(-1, 1));
        }
        return v;
    }
}
