package theta.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import theta.activation.Activations;
import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;
import theta.loss.Loss;
import theta.math.Precision;
import theta.math.SparseMatrix;
import theta.math.Threads;
import theta.math.Vec;

/**
 * A training batch handed to {@link Network#cost} as the filler of {@link Inputs#rows} gives the
 * cost and gradient of the same batch converted to numbers first, bit for bit: over byte images
 * a sparse batch is indexed straight from its bytes and never converted (its rows of the input
 * stay unwritten); a dense one, input dropout and evaluation read the numbers.
 */
class TrainFromBytesTest {
    private static final int HIDDEN = 64;

    @ParameterizedTest
    @CsvSource({"F32, 128, 1", "F32, 512, 2", "F32, 37, 2", "F32, 1, 1", "F64, 128, 2", "F64, 300, 1"})
    void mnistBatchesFromTheirBytesGiveTheCostAndGradientOfTheirNumbers(Precision p, int m, int threads) {
        Dataset train = MnistFixture.mnist().train();
        int[] order = MnistFixture.scattered(train.size());
        Case floats = new Case(train, m, p);
        Case bytes = new Case(train, m, p);
        try (Threads.Scope t = Threads.use(threads)) {
            for (int from : new int[] {0, 7 * m}) {
                String what = p + " batch " + m + " from " + from + " on " + threads + " threads";
                sameCostAndGradient(floats, bytes, order, from, 0, what);
                assertEquals(floats.ws.sparseInput(), bytes.ws.sparseInput(), what);
                if (SparseMatrix.nativeKernels()) {
                    assertTrue(bytes.ws.sparseInput(), what + ": MNIST batches go sparse");
                    for (int i = 0; i < m * 784; i += 97) {
                        assertTrue(Double.isNaN(bytes.ws.input().get(i)), what + ": input " + i + " was written");
                    }
                }
            }
        }
    }

    @Test
    void aDenseByteBatchIsConvertedAndMultipliedDensely() {
        // Every pixel nonzero: over the density limit.
        SplittableRandom rng = new SplittableRandom(3);
        int n = 300;
        byte[] pixels = new byte[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (1 + rng.nextInt(255));
        }
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(10);
        }
        Dataset dense = Dataset.ofBytes("dense", pixels, labels, 28, 28, 10);
        Case floats = new Case(dense, 100, Precision.F32);
        Case bytes = new Case(dense, 100, Precision.F32);
        sameCostAndGradient(floats, bytes, MnistFixture.scattered(n), 50, 0, "dense bytes");
        assertFalse(bytes.ws.sparseInput(), "a batch of nonzero pixels went sparse");
        assertArrayEquals(floats.ws.input().toArray(0, 100 * 784), bytes.ws.input().toArray(0, 100 * 784));
    }

    @Test
    void inputDropoutAndEvaluationReadTheNumbers() {
        Dataset train = MnistFixture.mnist().train();
        int[] order = MnistFixture.scattered(train.size());
        Case floats = new Case(train, 128, Precision.F32);
        Case bytes = new Case(train, 128, Precision.F32);
        sameCostAndGradient(floats, bytes, order, 256, 0.2, "input dropout");
        assertArrayEquals(floats.ws.input().toArray(0, 128 * 784), bytes.ws.input().toArray(0, 128 * 784));
        // Evaluation: no gradient, the numbers are written and read.
        bytes.ws.input().fill(Double.NaN);
        double e = bytes.net.cost(bytes.params, bytes.labels(order, 256), 128, 0, 128, null, bytes.ws, Mode.eval(),
                new Inputs(784).rows(train, order, 256, bytes.ws.input()));
        double f = floats.net.cost(floats.params, floats.labels(order, 256), 128, 0, 128, null, floats.ws, Mode.eval());
        assertEquals(f, e, 0, "evaluation");
        assertArrayEquals(floats.ws.input().toArray(0, 128 * 784), bytes.ws.input().toArray(0, 128 * 784));
    }

    /**
     * The batch of rows order[from..] through both cases with the same seeded mode: written to
     * numbers first for {@code floats}, handed over as its filler to {@code bytes} (whose input is
     * NaN before); the same cost and gradient, bit for bit.
     */
    private static void sameCostAndGradient(Case floats, Case bytes, int[] order, int from, double inputDropout,
                                            String what) {
        new Inputs(784).fill(floats.data, order, from, floats.m, floats.ws.input());
        double a = floats.cost(order, from, Mode.train(new SplittableRandom(1), inputDropout, 0), null);
        bytes.ws.input().fill(Double.NaN);
        double b = bytes.cost(order, from, Mode.train(new SplittableRandom(1), inputDropout, 0),
                new Inputs(784).rows(bytes.data, order, from, bytes.ws.input()));
        assertEquals(a, b, 0, what + ": cost");
        assertArrayEquals(floats.grad.toArray(), bytes.grad.toArray(), what + ": gradient");
    }

    /** A 784-64-10 ReLU network with its parameters, gradient and workspace for batches of m. */
    private static final class Case {
        final Dataset data;
        final int m;
        final Network net = new Network(new Architecture(784, HIDDEN, 10), Activations.parse("relu"), Loss.SOFTMAX);
        final Vec params;
        final Vec grad;
        final Workspace ws;

        Case(Dataset data, int m, Precision p) {
            this.data = data;
            this.m = m;
            params = p.zeros(net.layout().size());
            params.copyFrom(Initializer.parameters(net, net.activation().defaultInit(), 4));
            grad = p.zeros(net.layout().size());
            ws = net.workspace(m, p);
        }

        int[] labels(int[] order, int from) {
            int[] labels = new int[m];
            Inputs.labels(data, order, from, m, labels);
            return labels;
        }

        double cost(int[] order, int from, Mode mode, theta.math.Parallel.Range fill) {
            return net.cost(params, labels(order, from), m, 0.5, data.size(), grad, ws, mode, fill);
        }
    }
}
