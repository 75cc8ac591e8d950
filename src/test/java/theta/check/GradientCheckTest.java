package theta.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import theta.activation.Activation;
import theta.loss.Loss;
import theta.math.DifferentiableFunction;
import theta.math.Precision;
import theta.math.Vec;
import theta.nn.Architecture;
import theta.nn.Mode;
import theta.nn.Network;
import theta.nn.NetworkCost;
import theta.nn.TestActivations;
import theta.nn.Workspace;

class GradientCheckTest {
    private static final List<Activation> ACTS = List.of(TestActivations.SIGMOID, TestActivations.TANH,
            TestActivations.SOFTPLUS, TestActivations.RELU, TestActivations.prelu(0.25));

    @Test
    void debugNetworkPassesForEveryActivationOutputAndLambda() {
        for (Activation g : ACTS) {
            for (Loss loss : Loss.values()) {
                for (double lambda : new double[] {0, 3}) {
                    Network net = DebugProblem.network(g, loss);
                    NetworkCost cost = DebugProblem.cost(net, lambda);
                    CheckReport r = NetworkCheck.check(cost, DebugProblem.parameters(net), CheckOptions.defaults());
                    String what = g.spec() + "/" + loss + " lambda=" + lambda + ": " + r.normRatio();
                    assertTrue(r.passed(), what);
                    assertTrue(r.normRatio() < 1e-9, what);
                    assertEquals(net.layout().size(), r.entries().size(), what);
                }
            }
        }
    }

    @Test
    void preluSlopeIsAParameterAndIsChecked() {
        Network net = DebugProblem.network(TestActivations.prelu(0.25), Loss.SOFTMAX);
        CheckReport r = NetworkCheck.check(DebugProblem.cost(net, 1), DebugProblem.parameters(net),
                CheckOptions.defaults());
        CheckReport.BlockResult act = r.blocks().stream().filter(b -> b.name().startsWith("activation")).findFirst()
                .orElseThrow();
        assertEquals(1, act.checked());
        double ana = r.entries().get(r.entries().size() - 1).analytical();
        assertTrue(Math.abs(ana) > 1e-8, "slope gradient should not be trivially zero: " + r.entries().get(r.entries().size() - 1));
        assertTrue(act.passed(), "slope block: " + act);
    }

    @Test
    void entriesStraddlingAKinkAreListedApart() {
        Network net = DebugProblem.network(TestActivations.RELU, Loss.SOFTMAX);
        double[] p = DebugProblem.parameters(net);
        // Put hidden unit 0's pre-activation for example 0 within eps of 0 by moving its bias.
        NetworkCost cost = DebugProblem.cost(net, 0);
        cost.value(p, null);
        int bias0 = net.layout().theta(1);
        double z00 = preActivation(cost, p, 0);
        p[bias0] -= z00 - 2e-5;
        CheckReport r = NetworkCheck.check(cost, p, CheckOptions.defaults());
        assertTrue(r.kinkCount() >= 1, "expected kink entries");
        assertTrue(r.entries().stream().anyMatch(e -> e.index() == bias0 && e.nearKink()));
        assertTrue(r.passed(), "kink entries must not fail the check: " + r.normRatio());
    }

    private static double preActivation(NetworkCost cost, double[] p, int unit) {
        // z = b + x . w for example 0, recomputed from the debug inputs
        double[] x = {Math.sin(1) / 10, Math.sin(6) / 10, Math.sin(11) / 10};
        var layout = cost.network().layout();
        double z = p[layout.theta(1) + unit];
        for (int k = 0; k < 3; k++) {
            z += p[layout.index(1, unit, k + 1)] * x[k];
        }
        return z;
    }

    @Test
    void dropoutGradientIsExactForAFixedMask() {
        Network net = new Network(new Architecture(4, 6, 3), TestActivations.TANH, Loss.SOFTMAX);
        SplittableRandom data = new SplittableRandom(3);
        int m = 7;
        Workspace ws = net.workspace(m, Precision.F64);
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                ws.input().set(i * 4 + j, data.nextDouble());
            }
        }
        Vec params = Precision.F64.zeros(net.layout().size());
        Vec grad = Precision.F64.zeros(net.layout().size());
        // Same seed at every evaluation: the same dropout masks, so the cost is a smooth function.
        DifferentiableFunction f = (x, g) -> {
            params.copyFrom(x);
            double j = net.cost(params, labels, m, 0.5, m, g == null ? null : grad, ws,
                    Mode.train(new SplittableRandom(42), 0.2, 0.5));
            if (g != null) {
                System.arraycopy(grad.toArray(), 0, g, 0, g.length);
            }
            return j;
        };
        double[] x0 = new SplittableRandom(5).doubles(net.layout().size(), -0.5, 0.5).toArray();
        CheckReport r = GradientChecker.check(f, x0, net.layout().blocks(), CheckOptions.defaults(), null);
        assertTrue(r.passed(), "norm ratio " + r.normRatio());
    }

    @Test
    void wrongHiddenDerivativeIsPinnedOnTheHiddenLayer() {
        Activation wrong = new Activation() {
            public String spec() { return "tanh-with-wrong-derivative"; }
            public double f(double x) { return Math.tanh(x); }
            public double df(double x, double y) { return 1 - x * x; }
        };
        Network net = DebugProblem.network(wrong, Loss.SOFTMAX);
        CheckReport r = NetworkCheck.check(DebugProblem.cost(net, 0), DebugProblem.parameters(net),
                CheckOptions.defaults());
        assertFalse(r.passed());
        String d = String.join(" ", r.diagnosis());
        assertTrue(d.contains("Theta2 bias, Theta2 weights agree"), d);
        assertTrue(d.contains("hidden activation's derivative"), d);
    }

    @Test
    void userFunctionWithoutBlocksIsChecked() {
        DifferentiableFunction rosen = (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            if (g != null) {
                g[0] = -2 * a - 400 * x[0] * b;
                g[1] = 200 * b;
            }
            return a * a + 100 * b * b;
        };
        CheckReport r = GradientChecker.check(rosen, new double[] {-1.2, 1}, CheckOptions.defaults().withEps(1e-6).withTolerance(1e-8));
        assertTrue(r.passed(), "" + r.normRatio());
        assertEquals(2, r.entries().size());
    }

    @Test
    void samplingPicksDistinctSortedIndicesInTheBlock() {
        int[] s = GradientChecker.sample(new theta.nn.Block("b", 100, 1000, true), 50, new SplittableRandom(1));
        assertEquals(50, s.length);
        for (int i = 1; i < s.length; i++) {
            assertTrue(s[i] > s[i - 1]);
        }
        assertTrue(s[0] >= 100 && s[49] < 1100);
    }
}
