package theta.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import theta.testing.Tools;

/**
 * The fused output layer of inference ({@link ReluOutput}) equals ReLU then the dense product, in
 * both precisions, with every native variant this CPU runs: odd shapes (hidden sizes that are not
 * a multiple of any vector, 1 to 13 outputs, odd row counts), views inside larger matrices,
 * negative, zero and NaN entries; with and without the layer below's bias added to Z.
 */
class ReluOutputTest {
    static Stream<Arguments> variants() {
        int[] v = SparseKernels.AVAILABLE ? SparseKernels.variants() : new int[0];
        return Arrays.stream(Precision.values()).flatMap(p -> Arrays.stream(v).mapToObj(i -> Arguments.of(p, i)));
    }

    @Test
    void kernelIsBuilt() {
        Tools.require("native sparse kernels (" + SparseMatrix.kernels() + ")", ReluOutput.available());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void equalsReluThenTheDenseProduct(Precision p, int variant) {
        SplittableRandom rng = new SplittableRandom(7);
        double tol = p == Precision.F64 ? 1e-12 : 1e-5;
        int[][] shapes = {{1, 1, 1}, {2, 7, 3}, {5, 17, 10}, {3, 33, 13}, {9, 800, 10}, {4, 64, 4}, {1, 40, 11}};
        for (int[] s : shapes) {
            for (boolean zBiased : new boolean[] {false, true}) {
                check(p, variant, s, zBiased, rng, tol);
            }
        }
    }

    private static void check(Precision p, int variant, int[] s, boolean zBiased, SplittableRandom rng, double tol) {
        int m = s[0];
        int h = s[1];
        int out = s[2];
        // Z inside a wider matrix (ld h + 3, from offset 5), C too, bias after some other numbers.
        Vec z = SparseProductTest.random(p, 5 + m * (h + 3), rng);
        for (int i = 0; i < z.length(); i += 3) {
            z.set(i, 0);
        }
        Vec w = SparseProductTest.random(p, h * out, rng);
        Vec bias = SparseProductTest.random(p, 2 + out, rng);
        MatrixView zv = new MatrixView(z, 5, m, h, h + 3);
        MatrixView wv = MatrixView.of(w, 0, h, out);
        Vec got = p.zeros(m * (out + 2));
        got.fill(99);
        Vec zb = zBiased ? SparseProductTest.random(p, 1 + h, rng) : null;
        ReluOutput.apply(zv, zb, 1, wv, bias, 2, new MatrixView(got, 0, m, out, out + 2), variant);
        Vec expected = p.zeros(m * (out + 2));
        expected.fill(99);
        for (int r = 0; r < m; r++) {
            for (int o = 0; o < out; o++) {
                double sum = 0;
                for (int k = 0; k < h; k++) {
                    double x = z.get(5 + r * (h + 3) + k) + (zb == null ? 0 : zb.get(1 + k));
                    sum += (x > 0 ? x : 0) * w.get(k * out + o);
                }
                expected.set(r * (out + 2) + o, bias.get(2 + o) + sum);
            }
        }
        SparseProductTest.assertClose(expected, got, tol, p + " variant " + variant + " " + Arrays.toString(s)
                + (zBiased ? " with the bias of Z" : ""));
        for (int r = 0; r < m; r++) {
            assertEquals(99, got.get(r * (out + 2) + out), "past the last column untouched");
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void nanStaysNan(Precision p, int variant) {
        for (int at : new int[] {0, 17, 38}) { // in a vector, and in the tail after the vectors
            Vec z = p.zeros(2 * 39);
            z.fill(-1);
            z.set(39 + at, Double.NaN);
            Vec w = p.zeros(39 * 3);
            w.fill(0.5);
            Vec c = p.zeros(2 * 3);
            ReluOutput.apply(MatrixView.of(z, 0, 2, 39), null, 0, MatrixView.of(w, 0, 39, 3), p.zeros(3), 0,
                    MatrixView.of(c, 0, 2, 3), variant);
            for (int o = 0; o < 3; o++) {
                assertEquals(0, c.get(o), "row without NaN");
                assertTrue(Double.isNaN(c.get(3 + o)), "row with NaN at " + at);
            }
        }
    }

    @Test
    void refusesShapesThatDoNotAgree() {
        Vec v = Precision.F32.zeros(100);
        assertThrows(IllegalArgumentException.class, () -> ReluOutput.apply(MatrixView.of(v, 0, 2, 5),
                MatrixView.of(v, 0, 4, 3), v, 0, MatrixView.of(v, 0, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> ReluOutput.apply(MatrixView.of(v, 0, 2, 5),
                MatrixView.of(v, 0, 5, 3), v, 98, MatrixView.of(v, 0, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> ReluOutput.apply(MatrixView.of(v, 0, 2, 5), v, 96,
                MatrixView.of(v, 0, 5, 3), v, 0, MatrixView.of(v, 0, 2, 3)));
    }
}
