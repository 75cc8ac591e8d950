package theta.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import theta.activation.Activations;
import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;
import theta.loss.Loss;
import theta.math.Precision;
import theta.math.Vec;

/**
 * The float32 gradient matches the float64 gradient on a real MNIST batch: the same network
 * code, only the vectors' precision differs. Both start from the same (float-representable)
 * parameters, so what differs is float32 arithmetic alone.
 */
class PrecisionGradientTest {
    private static final int M = 128;

    @ParameterizedTest
    @CsvSource({"relu, 0", "tanh, 0", "sigmoid, 0", "relu, 5", "tanh, 5", "sigmoid, 5"})
    void float32GradientMatchesFloat64(String activation, double lambda) {
        Dataset train = MnistFixture.mnist().train();
        Network net = new Network(new Architecture(784, 64, 10), Activations.parse(activation), Loss.SOFTMAX);
        double[] init = Initializer.parameters(net, net.activation().defaultInit(), 42);
        for (int i = 0; i < init.length; i++) {
            init[i] = (float) init[i];
        }
        int[] labels = new int[M];
        Inputs.labels(train, null, 0, M, labels);
        double[] g64 = gradient(net, train, labels, init, lambda, Precision.F64);
        double[] g32 = gradient(net, train, labels, init, lambda, Precision.F32);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < g64.length; i++) {
            diff += (g32[i] - g64[i]) * (g32[i] - g64[i]);
            norm += g64[i] * g64[i];
        }
        double rel = Math.sqrt(diff / norm);
        assertTrue(norm > 0, "the gradient is not zero");
        assertTrue(rel <= 1e-4, activation + " lambda=" + lambda + ": |g32 - g64| / |g64| = " + rel);
    }

    /** The gradient at {@code params}; the cost goes into {@code costs}, where float32's is compared with float64's. */
    private static double[] gradient(Network net, Dataset data, int[] labels, double[] params, double lambda,
                                     Precision p) {
        Workspace ws = net.workspace(M, p);
        new Inputs(data.features()).fill(data, null, 0, M, ws.input());
        Vec x = p.zeros(params.length);
        x.copyFrom(params);
        Vec grad = p.zeros(params.length);
        double cost = net.cost(x, labels, M, lambda, data.size(), grad, ws, Mode.eval());
        assertTrue(cost > 0 && Double.isFinite(cost), p + " cost " + cost);
        double[] g = grad.toArray();
        costs[p.ordinal()] = cost;
        if (p == Precision.F32) {
            assertEquals(costs[0], cost, 1e-5 * costs[0], "float32 cost against float64");
        }
        return g;
    }

    private static final double[] costs = new double[2];
}
