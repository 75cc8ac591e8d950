package theta.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import theta.activation.Activations;
import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;
import theta.loss.Loss;
import theta.math.Precision;
import theta.math.SparseMatrix;
import theta.math.Vec;
import theta.testing.Norms;

/**
 * The network's cost and gradient are the same whether the first layer multiplies the input's
 * nonzeros or the dense batch: float64 to 1e-12, float32 to 1e-5 (relative), on real MNIST.
 */
class SparseInputTest {
    @ParameterizedTest
    @CsvSource({"F64, 1e-12, 0", "F64, 1e-12, 3", "F32, 1e-5, 0"})
    void sparseAndDenseGiveTheSameCostAndGradient(Precision p, double tol, double lambda) {
        Dataset train = MnistFixture.mnist().train();
        int m = 100;
        Network dense = new Network(new Architecture(784, 48, 10), Activations.parse("tanh"), Loss.SOFTMAX)
                .withInputProducts(InputProducts.DENSE);
        Network sparse = dense.withInputProducts(InputProducts.SPARSE);
        double[] init = Initializer.parameters(dense, dense.activation().defaultInit(), 3);
        int[] labels = new int[m];
        Inputs.labels(train, null, 500, m, labels);
        double[] gd = new double[init.length + 1];
        double[] gs = new double[init.length + 1];
        boolean[] used = new boolean[2];
        run(dense, train, labels, init, lambda, p, gd, used, 0);
        run(sparse, train, labels, init, lambda, p, gs, used, 1);
        assertFalse(used[0], "the dense network multiplied sparsely");
        assertTrue(used[1], "the sparse network multiplied densely");
        assertEquals(gd[init.length], gs[init.length], tol * gd[init.length], "cost");
        // The last entry is the cost, compared above.
        double rel = Norms.relativeDifference(Arrays.copyOf(gd, init.length), Arrays.copyOf(gs, init.length));
        assertTrue(rel <= tol, "gradient: relative difference " + rel);
    }

    @ParameterizedTest
    @CsvSource({"0.1, true", "0.95, false"})
    void autoChoosesByDensity(double density, boolean sparse) {
        Network net = new Network(new Architecture(50, 8, 3), Activations.parse("relu"), Loss.SOFTMAX);
        Workspace ws = net.workspace(20, Precision.F64);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int i = 0; i < 20 * 50; i++) {
            ws.input().set(i, rng.nextDouble() < density ? rng.nextDouble() : 0);
        }
        Vec params = Precision.F64.zeros(net.layout().size());
        net.forward(params, 20, ws, Mode.eval());
        assertEquals(sparse && SparseMatrix.nativeKernels(), ws.sparseInput(), "density " + density);
    }

    /** Cost into g[n], gradient into g[0..n); used[which] = whether the first layer went sparse. */
    private static void run(Network net, Dataset data, int[] labels, double[] params, double lambda, Precision p,
                            double[] g, boolean[] used, int which) {
        int m = labels.length;
        Workspace ws = net.workspace(m, p);
        new Inputs(data.features()).fill(data, null, 500, m, ws.input());
        Vec x = p.zeros(params.length);
        x.copyFrom(params);
        Vec grad = p.zeros(params.length);
        g[params.length] = net.cost(x, labels, m, lambda, data.size(), grad, ws, Mode.eval());
        System.arraycopy(grad.toArray(), 0, g, 0, params.length);
        used[which] = ws.sparseInput();
    }
}
