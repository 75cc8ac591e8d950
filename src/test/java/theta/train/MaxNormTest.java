package theta.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import theta.activation.Activations;
import theta.loss.Loss;
import theta.math.Precision;
import theta.math.Threads;
import theta.math.Vec;
import theta.nn.Architecture;
import theta.nn.Layout;
import theta.nn.Network;

/** Max-norm caps each hidden unit's incoming weight norm at c and leaves everything else alone. */
class MaxNormTest {
    @ParameterizedTest
    @EnumSource(Precision.class)
    void longUnitsAreScaledBackAndOthersKept(Precision p) {
        int before = Threads.get();
        try {
            Threads.set(2);
            Network net = new Network(new Architecture(300, new int[] {50, 20}, 10), Activations.parse("relu"),
                    Loss.SOFTMAX);
            Layout layout = net.layout();
            SplittableRandom rng = new SplittableRandom(4);
            Vec params = p.zeros(layout.size());
            for (int i = 0; i < layout.size(); i++) {
                params.set(i, rng.nextDouble(-0.3, 0.3));
            }
            // Layer 1: unit j's weights scaled by 0.2, 1 or 2 in turn, so norms straddle c.
            for (int i = 0; i < 300; i++) {
                for (int j = 0; j < 50; j++) {
                    int k = layout.weights(1) + i * 50 + j;
                    params.set(k, params.get(k) * new double[] {0.2, 1, 2}[j % 3]);
                }
            }
            Vec original = params.copy();
            double c = 2.5;
            new MaxNorm(net, c).apply(params);
            for (int l = 1; l <= 2; l++) {
                int in = net.architecture().units(l - 1);
                int out = net.architecture().units(l);
                for (int j = 0; j < out; j++) {
                    double was = norm(original, layout, l, in, out, j);
                    double now = norm(params, layout, l, in, out, j);
                    double tol = p == Precision.F32 ? 1e-5 : 1e-12;
                    assertEquals(Math.min(was, c), now, tol * c, p + " layer " + l + " unit " + j);
                }
            }
            // Some units were too long, some not; biases and the output layer are untouched.
            int l3 = layout.theta(3);
            for (int i = l3; i < layout.size(); i++) {
                assertEquals(original.get(i), params.get(i), 0.0, "output layer entry " + i);
            }
            for (int l = 1; l <= 2; l++) {
                for (int i = layout.theta(l); i < layout.weights(l); i++) {
                    assertEquals(original.get(i), params.get(i), 0.0, "bias " + i);
                }
            }
            boolean someLong = false;
            boolean someShort = false;
            for (int j = 0; j < 50; j++) {
                double was = norm(original, layout, 1, 300, 50, j);
                someLong |= was > c;
                someShort |= was < c;
            }
            assertTrue(someLong && someShort, "the test data straddles c");
        } finally {
            Threads.set(before);
        }
    }

    /** Norm of unit j's incoming weights: column j of the in x out block W^T. */
    private static double norm(Vec v, Layout layout, int l, int in, int out, int j) {
        double s = 0;
        for (int i = 0; i < in; i++) {
            double x = v.get(layout.weights(l) + i * out + j);
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
