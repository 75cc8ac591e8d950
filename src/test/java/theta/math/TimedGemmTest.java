package theta.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TimedGemmTest {
    @Test
    void passesProductsOnAndCountsThem() {
        Vec a = Precision.F64.zeros(6);
        Vec b = Precision.F64.zeros(6);
        a.copyFrom(new double[] {1, 2, 3, 4, 5, 6}); // 2 x 3
        b.copyFrom(new double[] {1, 0, 0, 1, 1, 1}); // 3 x 2
        Vec c = Precision.F64.zeros(4);
        TimedGemm timed = new TimedGemm(Gemm.naive());
        assertEquals(0, timed.nanos());
        timed.gemm(false, false, 2, 2, 3, 1, a, 0, 3, b, 0, 2, 0, c, 0, 2);
        assertArrayEquals(new double[] {4, 5, 10, 11}, c.toArray(), 0);
        timed.gemm(false, false, 2, 2, 3, 1, a, 0, 3, b, 0, 2, 1, c, 0, 2);
        assertArrayEquals(new double[] {8, 10, 20, 22}, c.toArray(), 0);
        assertEquals(2, timed.calls());
        assertTrue(timed.nanos() > 0);
        // Uncounted products still happen.
        timed.counting(false);
        timed.gemm(true, false, 2, 2, 3, 1, a, 0, 2, b, 0, 2, 0, c, 0, 2);
        assertEquals(2, timed.calls());
        timed.counting(true);
        timed.gemm(false, true, 2, 1, 3, 1, a, 0, 3, b, 0, 3, 0, c, 0, 1);
        List<TimedGemm.Total> shapes = timed.byShape();
        assertEquals(2, shapes.size());
        assertEquals(new TimedGemm.Shape(false, false, 2, 2, 3), shapes.get(0).shape());
        assertEquals(2, shapes.get(0).calls());
        assertEquals("2x3 * 3x2", shapes.get(0).shape().toString());
        assertEquals("2x3 * (1x3)^T", shapes.get(1).shape().toString());
        assertEquals(timed.nanos(), shapes.get(0).nanos() + shapes.get(1).nanos());
    }

    @Test
    void sparseProductsCountTheirNonzeros() {
        Vec a = Precision.F64.of(0, 2, 0, 0, 0, 3); // 2 x 3, two nonzeros
        Vec b = Precision.F64.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1); // 3 x 4
        Vec c = Precision.F64.zeros(8);
        SparseMatrix s = new SparseMatrix(Precision.F64).index(MatrixView.of(a, 0, 2, 3));
        TimedGemm timed = new TimedGemm(Gemm.blas());
        timed.sparse(false, s, 1, MatrixView.of(b, 0, 3, 4), 0, MatrixView.of(c, 0, 2, 4));
        assertArrayEquals(new double[] {2, 2, 2, 2, 3, 3, 3, 3}, c.toArray(), 0);
        TimedGemm.Total t = timed.byShape().get(0);
        assertEquals("2x3 sparse * 3x4", t.shape().toString());
        assertEquals(2.0 * 2 * 4, t.usefulFlops(), 0); // 2 n per nonzero
        assertEquals(2.0 * 2 * 4 * 3, t.shape().flops(), 0); // the dense product's
        Vec ct = Precision.F64.zeros(12);
        timed.sparse(true, s, 1, MatrixView.of(c, 0, 2, 4), 0, MatrixView.of(ct, 0, 3, 4));
        assertEquals("(2x3 sparse)^T * 2x4", timed.byShape().get(1).shape().toString());
    }
}
