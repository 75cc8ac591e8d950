package theta.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import theta.activation.Activations;
import theta.loss.Loss;
import theta.math.Precision;
import theta.math.Threads;
import theta.math.Vec;

/**
 * Dropout's masks: made by parts on the threads, yet entry for entry what one generator drawing
 * in order would give (SplittableRandom seeded with the one number drawn per call, nextDouble
 * under keep), on any number of threads.
 */
class DropoutTest {
    /** A batch of 128 x 800 hidden units and a few more, so that the last part is a ragged one. */
    private static final int N = 128 * 800 + 37;

    @ParameterizedTest
    @CsvSource({"F32, 1, 0.3", "F32, 2, 0.3", "F32, 3, 0.5", "F64, 1, 0.3", "F64, 2, 0.2", "F32, 2, 0.9"})
    void maskIsTheGeneratorsStreamInOrderOnAnyThreads(Precision precision, int threads, double p) {
        Network net = new Network(new Architecture(4, 800, 3), Activations.parse("relu"), Loss.SOFTMAX);
        Workspace ws = net.workspace(1, precision);
        Vec x = precision.zeros(N);
        SplittableRandom data = new SplittableRandom(7);
        for (int i = 0; i < N; i++) {
            x.set(i, data.nextDouble(-2, 2));
        }
        long seed = 12345;
        Vec out;
        try (Threads.Scope t = Threads.use(threads)) {
            out = Dropout.apply(x, N, Mode.train(new SplittableRandom(seed), 0, p), p, ws, 1);
        }
        double keep = 1 - p;
        SplittableRandom stream = new SplittableRandom(new SplittableRandom(seed).nextLong());
        double scale = precision.round(1 / keep);
        int kept = 0;
        for (int i = 0; i < N; i++) {
            double expected = stream.nextDouble() < keep ? scale : 0;
            assertEquals(expected, ws.mask[1].get(i), 0, "mask entry " + i);
            assertEquals(precision.round(x.get(i) * expected), out.get(i), 0, "output entry " + i);
            kept += expected != 0 ? 1 : 0;
        }
        assertEquals(keep, (double) kept / N, 0.01);
    }

    @ParameterizedTest
    @CsvSource({"F32", "F64"})
    void eachCallDrawsANewMaskIntoTheSameBuffers(Precision precision) {
        Network net = new Network(new Architecture(4, 1000, 3), Activations.parse("relu"), Loss.SOFTMAX);
        Workspace ws = net.workspace(1, precision);
        Vec x = precision.zeros(1000);
        x.fill(1);
        Mode mode = Mode.train(new SplittableRandom(1), 0, 0.5);
        Vec first = Dropout.apply(x, 1000, mode, 0.5, ws, 1);
        double[] a = first.toArray();
        ws.dropped[1] = first;
        Vec second = Dropout.apply(x, 1000, mode, 0.5, ws, 1);
        assertSame(first, second);
        double[] b = second.toArray();
        int differ = 0;
        for (int i = 0; i < a.length; i++) {
            assertTrue(a[i] == 0 || a[i] == 2, "entry " + i + " is " + a[i]);
            differ += a[i] != b[i] ? 1 : 0;
        }
        assertNotEquals(0, differ);
        // Half the entries agree by chance: 500 +- 16.
        assertEquals(500, differ, 80);
    }
}
