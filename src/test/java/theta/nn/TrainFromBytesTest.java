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
        int[] order = scattered(train.size());
        Case floats = new Case(train, m, p);
        Case bytes = new Case(train, m, p);
        try (Threads.Scope t = Threads.use(threads)) {
            for (int from : new int[] {0, 7 * m}) {
                new Inputs(784).fill(train, order, from, m, floats.ws.input());
                double a = floats.cost(order, from, Mode.train(new SplittableRandom(1), 0, 0), null);
                bytes.ws.input().fill(Double.NaN);
                Inputs inputs = new Inputs(784);
                double b = bytes.cost(order, from, Mode.train(new SplittableRandom(1), 0, 0),
                        inputs.rows(train, order, from, bytes.ws.input()));
                String what = p + " batch " + m + " from " + from + " on " + threads + " threads";
                assertEquals(a, b, 0, what + ": cost");
                assertArrayEquals(floats.grad.toArray(), bytes.grad.toArray(), what + ": gradient");
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
        int[] order = scattered(n);
        Case floats = new Case(dense, 100, Precision.F32);
        Case bytes = new Case(dense, 100, Precision.F32);
        new Inputs(784).fill(dense, order, 50, 100, floats.ws.input());
        double a = floats.cost(order, 50, Mode.train(new SplittableRandom(1), 0, 0), null);
        bytes.ws.input().fill(Double.NaN);
        double b = bytes.cost(order, 50, Mode.train(new SplittableRandom(1), 0, 0),
                new Inputs(784).rows(dense, order, 50, bytes.ws.input()));
        assertEquals(a, b, 0);
        assertArrayEquals(floats.grad.toArray(), bytes.grad.toArray());
        assertFalse(bytes.ws.sparseInput(), "a batch of nonzero pixels went sparse");
        assertArrayEquals(floats.ws.input().toArray(0, 100 * 784), bytes.ws.input().toArray(0, 100 * 784));
    }

    @Test
    void inputDropoutAndEvaluationReadTheNumbers() {
        Dataset train = MnistFixture.mnist().train();
        int[] order = scattered(train.size());
        Case floats = new Case(train, 128, Precision.F32);
        Case bytes = new Case(train, 128, Precision.F32);
        new Inputs(784).fill(train, order, 256, 128, floats.ws.input());
        double a = floats.cost(order, 256, Mode.train(new SplittableRandom(9), 0.2, 0), null);
        bytes.ws.input().fill(Double.NaN);
        double b = bytes.cost(order, 256, Mode.train(new SplittableRandom(9), 0.2, 0),
                new Inputs(784).rows(train, order, 256, bytes.ws.input()));
        assertEquals(a, b, 0, "input dropout");
        assertArrayEquals(floats.grad.toArray(), bytes.grad.toArray(), "input dropout");
        assertArrayEquals(floats.ws.input().toArray(0, 128 * 784), bytes.ws.input().toArray(0, 128 * 784));
        // Evaluation: no gradient, the numbers are written and read.
        bytes.ws.input().fill(Double.NaN);
        double e = bytes.net.cost(bytes.params, bytes.labels(order, 256), 128, 0, 128, null, bytes.ws, Mode.eval(),
                new Inputs(784).rows(train, order, 256, bytes.ws.input()));
        double f = floats.net.cost(floats.params, floats.labels(order, 256), 128, 0, 128, null, floats.ws, Mode.eval());
        assertEquals(f, e, 0, "evaluation");
        assertArrayEquals(floats.ws.input().toArray(0, 128 * 784), bytes.ws.input().toArray(0, 128 * 784));
    }

    /** Rows scattered over the data as a shuffle would (7919 is prime). */
    private static int[] scattered(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (i * 7919L % n);
        }
        return order;
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
