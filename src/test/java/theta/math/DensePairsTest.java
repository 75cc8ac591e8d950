package theta.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import theta.testing.Tools;

/**
 * The index by pairs of columns that inference builds from the dense rows ({@link
 * SparseMatrix#prepareForward}) is the one built from the CSR alone, entry for entry, and the
 * forward product on it equals the dense one: row counts around the bitmap's 64-row words, odd
 * column counts (a last column without its pair), empty and fully dense rows, NaN.
 */
class DensePairsTest {
    @ParameterizedTest
    @EnumSource(Precision.class)
    void sameEntriesAsFromTheIndexAlone(Precision p) {
        Tools.require("native sparse kernels (" + SparseMatrix.kernels() + ")", SparseMatrix.nativeKernels());
        SplittableRandom rng = new SplittableRandom(3);
        int[][] shapes = {{1, 1}, {1, 2}, {2, 7}, {63, 30}, {64, 31}, {65, 784}, {128, 33}, {130, 9}, {256, 17}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int cols = shape[1];
            Vec a = p.zeros(rows * (cols + 2));
            for (int r = 0; r < rows; r++) {
                double density = r % 5 == 0 ? 0 : r % 5 == 1 ? 1 : rng.nextDouble();
                for (int k = 0; k < cols; k++) {
                    if (rng.nextDouble() < density) {
                        a.set(r * (cols + 2) + k, r == 3 && k == 1 ? Double.NaN : rng.nextDouble(-1, 1));
                    }
                }
            }
            MatrixView view = new MatrixView(a, 0, rows, cols, cols + 2);
            SparseMatrix fromIndex = new SparseMatrix(p).index(view);
            SparseMatrix fromDense = new SparseMatrix(p).index(view);
            fromDense.prepareForward(view);
            SparseMatrix.Csr want = fromIndex.pairs();
            SparseMatrix.Csr got = fromDense.pairs();
            String what = p + " " + rows + "x" + cols;
            int pairs = (cols + 1) / 2;
            for (int i = 0; i <= pairs; i++) {
                assertEquals(want.start(i), got.start(i), what + ": start of pair " + i);
            }
            for (int q = 0; q < want.start(pairs); q++) {
                assertEquals(want.index(q), got.index(q), what + ": row of entry " + q);
                assertEquals(want.value(2 * q), got.value(2 * q), what + ": first value of entry " + q);
                assertEquals(want.value(2 * q + 1), got.value(2 * q + 1), what + ": second value of entry " + q);
            }
            // And the forward product on it equals the dense one.
            int n = 35;
            Vec b = SparseProductTest.random(p, cols * n, rng);
            Vec sparse = p.zeros(rows * n);
            Vec dense = p.zeros(rows * n);
            Gemm.blas().sparse(false, fromDense, 1, MatrixView.of(b, 0, cols, n), 0, MatrixView.of(sparse, 0, rows, n));
            Gemm.naive().gemm(1, view, false, MatrixView.of(b, 0, cols, n), false, 0, MatrixView.of(dense, 0, rows, n));
            for (int i = 0; i < rows * n; i++) {
                if (Double.isNaN(dense.get(i))) {
                    assertEquals(Double.NaN, sparse.get(i), what + ": NaN at " + i);
                    dense.set(i, 0);
                    sparse.set(i, 0);
                }
            }
            SparseProductTest.assertClose(dense, sparse, p == Precision.F64 ? 1e-12 : 1e-5, what + " product");
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void refusesAnotherMatrix(Precision p) {
        Vec a = p.zeros(40);
        SparseMatrix s = new SparseMatrix(p).index(MatrixView.of(a, 0, 4, 10));
        assertThrows(IllegalArgumentException.class, () -> s.prepareForward(MatrixView.of(a, 0, 5, 8)));
    }
}
