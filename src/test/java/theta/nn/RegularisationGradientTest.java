package theta.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import theta.math.Precision;
import theta.math.Threads;
import theta.math.Vec;

/**
 * The regularisation term's gradient, grad += (lambda/m') * theta over each weight block, added in
 * parts on the threads ({@link Backward#addScaled}): bit for bit the single axpy over the block,
 * on 1-3 threads, for blocks around the part size and the kernels' vector widths, at offsets that
 * are not multiples of a vector.
 */
class RegularisationGradientTest {
    @ParameterizedTest
    @CsvSource({"F32, 1", "F32, 2", "F32, 3", "F64, 2", "F64, 3"})
    void partsGiveTheSingleCallBitForBit(Precision precision, int threads) {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : new int[] {0, 1, 63, 65, 1 << 16, (1 << 17) + 37, 784 * 800}) {
            for (int off : new int[] {0, 5}) {
                Vec params = precision.zeros(off + n + 3);
                Vec grad = precision.zeros(off + n + 3);
                for (int i = 0; i < params.length(); i++) {
                    params.set(i, rng.nextDouble(-1, 1));
                    grad.set(i, rng.nextDouble(-1e-3, 1e-3));
                }
                Vec expected = grad.copy();
                double r = 1.0 / 60_000 * 3;
                expected.axpy(r, params, off, off, n);
                try (Threads.Scope t = Threads.use(threads)) {
                    Backward.addScaled(grad, r, params, off, n);
                }
                for (int i = 0; i < grad.length(); i++) {
                    assertEquals(Double.doubleToLongBits(expected.get(i)), Double.doubleToLongBits(grad.get(i)),
                            precision + ", " + threads + " threads, n " + n + ", offset " + off + ", entry " + i);
                }
            }
        }
    }
}
