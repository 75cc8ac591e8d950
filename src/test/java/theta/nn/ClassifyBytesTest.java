package theta.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import theta.activation.Activations;
import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;
import theta.loss.Loss;
import theta.math.ByteRows;
import theta.math.Parallel;
import theta.math.Precision;
import theta.math.SparseMatrix;
import theta.math.Threads;
import theta.math.Vec;
import theta.testing.Tools;
import theta.testing.Norms;

/**
 * {@link Network#classify} with a filler of bytes ({@link Inputs#rows}: sparse parts indexed
 * straight from the bytes, the first layer's bias added in the fused output pass) gives the logits
 * of the whole-batch pass training uses (float32 to 1e-5, float64 to 1e-12 relative), and exactly
 * those of classify filled with numbers (whose index is the same, bit for bit): real MNIST batches
 * of 1 to 10,000 on one and two threads, nonzero biases, and byte images over the density limit,
 * whose parts are converted and multiplied dense.
 */
class ClassifyBytesTest {
    @ParameterizedTest
    @CsvSource({"F32, 1, 1e-5", "F32, 2, 1e-5", "F64, 1, 1e-12", "F64, 2, 1e-12"})
    void mnistBatchesGiveTheLogitsOfTodaysPass(Precision p, int threads, double tol) {
        Tools.require("native sparse kernels (" + SparseMatrix.kernels() + ")", SparseMatrix.nativeKernels());
        Dataset test = MnistFixture.mnist().test();
        Network net = network(130);
        Vec params = parameters(net, p);
        for (int m : new int[] {1, 16, 127, 128, 10000}) {
            int from = m == 10000 ? 0 : 4321;
            check(net, params, p, test, from, m, threads, tol, true);
        }
    }

    @ParameterizedTest
    @CsvSource({"F32, AUTO, 1e-5", "F64, AUTO, 1e-12", "F32, SPARSE, 1e-5", "F64, DENSE, 1e-12"})
    void imagesOverTheDensityLimitStayDense(Precision p, InputProducts products, double tol) {
        SplittableRandom rng = new SplittableRandom(9);
        int n = 300;
        byte[] pixels = new byte[n * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (rng.nextDouble() < 0.5 ? rng.nextInt(256) : 0);
        }
        Dataset dense = Dataset.ofBytes("half ink", pixels, rng.ints(n, 0, 10).toArray(), 28, 28, 10);
        Network net = network(48).withInputProducts(products);
        check(net, parameters(net, p), p, dense, 7, 290, 2, tol, products == InputProducts.SPARSE);
    }

    private static Network network(int hidden) {
        return new Network(new Architecture(784, new int[] {hidden}, 10), Activations.parse("relu"), Loss.SOFTMAX);
    }

    /** Random weights and nonzero biases (the default initialisation's are zero). */
    private static Vec parameters(Network net, Precision p) {
        Vec params = p.zeros(net.layout().size());
        params.copyFrom(Initializer.parameters(net, (in, out, r) -> r.nextDouble(-0.1, 0.1),
                (in, out, r) -> r.nextDouble(-0.5, 0.5), 3));
        return params;
    }

    private static void check(Network net, Vec params, Precision p, Dataset data, int from, int m, int threads,
                              double tol, boolean sparse) {
        Inputs inputs = new Inputs(784);
        Workspace whole = net.workspace(m, p);
        Workspace bytes = net.workspace(m, p);
        Workspace numbers = net.workspace(m, p);
        String what = p + " batch " + m + " from " + from + " on " + threads + " threads";
        try (Threads.Scope t = Threads.use(threads)) {
            inputs.fill(data, null, from, m, whole.input());
            net.forward(params, m, whole, Mode.train(new SplittableRandom(1), 0, 0));
            Parallel.Range fill = inputs.rows(data, null, from, bytes.input());
            assertTrue(fill instanceof ByteRows, "a filler of bytes");
            net.classify(params, m, bytes, fill);
            net.classify(params, m, numbers, (r0, r1) -> inputs.fillRows(data, null, from, r0, r1, numbers.input()));
        }
        assertEquals(sparse, bytes.sparseInput(), what + ": sparse");
        double[] expected = whole.logits().toArray(0, m * 10);
        double[] got = bytes.logits().toArray(0, m * 10);
        double rel = Norms.relativeDifference(expected, got);
        assertTrue(rel <= tol, what + ": relative difference " + rel);
        assertArrayEquals(numbers.logits().toArray(0, m * 10), got, what + ": filled with numbers");
    }
}
