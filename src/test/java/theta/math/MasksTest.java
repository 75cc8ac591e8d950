package theta.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dropout's mask and output ({@link Masks#dropout}): every native variant this CPU runs, and the
 * Java loop, give what a SplittableRandom seeded with the key draws in order, entry for entry and
 * bit for bit, on ranges that start and end anywhere; entries outside the range are not touched.
 */
class MasksTest {
    private static final int N = 5000;

    @ParameterizedTest
    @MethodSource("theta.math.SparseProductTest#variantsAndJava")
    void maskAndOutputAreTheSequentialDrawsBitForBit(Precision p, int variant) {
        SplittableRandom data = new SplittableRandom(3);
        Vec x = p.zeros(N);
        for (int i = 0; i < N; i++) {
            x.set(i, data.nextDouble(-3, 3));
        }
        // Signed zeros, infinities and NaN go through the product as they would in Java.
        double[] odd = {-0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e-40, -1e-300};
        for (int i = 0; i < odd.length; i++) {
            x.set(100 + i, odd[i]);
        }
        for (double keep : new double[] {0.7, 0.5, 0.8, 0.1, 1.0}) {
            long key = data.nextLong();
            Vec mask = p.zeros(N);
            Vec out = p.zeros(N);
            mask.fill(7);
            out.fill(7);
            int from = 3;
            int to = N - 5;
            Masks.dropout(x, mask, out, key, keep, from, to, variant);
            SplittableRandom stream = new SplittableRandom(key);
            double scale = p.round(1 / keep);
            for (int i = 0; i < N; i++) {
                double draw = stream.nextDouble();
                if (i < from || i >= to) {
                    assertEquals(7, mask.get(i), "mask entry " + i + " outside the range");
                    assertEquals(7, out.get(i), "output entry " + i + " outside the range");
                    continue;
                }
                double m = draw < keep ? scale : 0;
                String what = p + ", variant " + variant + ", keep " + keep + ", entry " + i;
                assertEquals(Double.doubleToLongBits(m), Double.doubleToLongBits(mask.get(i)), what + ": mask");
                assertEquals(Double.doubleToLongBits(p.round(x.get(i) * m)), Double.doubleToLongBits(out.get(i)),
                        what + ": output " + out.get(i));
            }
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsWritten() {
        Vec x = Precision.F32.zeros(10);
        Vec out = Precision.F32.zeros(10);
        assertThrows(IllegalArgumentException.class,
                () -> Masks.dropout(x, Precision.F64.zeros(10), out, 1, 0.5, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> Masks.dropout(x, x, out, 1, 0, 0, 10));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Masks.dropout(x, Precision.F32.zeros(5), out, 1, 0.5, 0, 10));
    }
}
