package theta.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Values quoted in exercises and papers, and the documented edge behaviour. */
class KnownValuesTest {

    private static Activation get(String spec) {
        return Activations.parse(spec);
    }

    private static double df(Activation a, double x) {
        return a.df(x, a.f(x));
    }

    @Test
    void sigmoidGradientExercise() {
        Activation sigmoid = get("sigmoid");
        double[] z = {-1, -0.5, 0, 0.5, 1};
        double[] expected = {0.196612, 0.235004, 0.250000, 0.235004, 0.196612};
        for (int i = 0; i < z.length; i++) {
            assertEquals(expected[i], df(sigmoid, z[i]), 1e-6, "sigmoid'(" + z[i] + ")");
        }
        assertEquals(0.5, sigmoid.f(0));
    }

    @Test
    void geluIsExact() {
        assertEquals(0.8413447460685429, get("gelu").f(1), 2e-16);
        assertEquals(-0.15865525393145705, get("gelu").f(-1), 2e-16);
        assertEquals(0, get("gelu").f(0));
        assertEquals(0.5, df(get("gelu"), 0), 1e-16);
        // the tanh approximation differs from the exact one in the fourth decimal
        assertEquals(0.8411919906082767, get("gelu_tanh").f(1), 1e-15);
    }

    @Test
    void seluConstants() {
        Activation selu = get("selu");
        double lambda = 1.0507009873554805;
        double alpha = 1.6732632423543772;
        assertEquals(lambda, selu.f(1));
        assertEquals(lambda, df(selu, 1));
        assertEquals(-lambda * alpha, selu.f(-1e4), 1e-15);
        assertEquals(lambda * alpha * Math.expm1(-1), selu.f(-1), 1e-15);
        assertEquals(lambda * alpha, df(selu, 0), 1e-15); // left derivative at the kink
        assertArrayEquals(new double[] {0}, selu.kinks());
    }

    @Test
    void saturatedTailsAreExact() {
        assertEquals(1e4, get("softplus").f(1e4));
        assertEquals(0, get("softplus").f(-1e4));
        assertEquals(-1e4, get("log_sigmoid").f(-1e4));
        assertEquals(0, get("log_sigmoid").f(1e4));
        assertEquals(1, get("sigmoid").f(1e4));
        assertEquals(0, get("sigmoid").f(-1e4));
        assertEquals(1e4, get("silu").f(1e4));
        assertEquals(1e4, get("mish").f(1e4));
        assertEquals(1e4, get("gelu").f(1e4));
        assertEquals(1e4 + 1e-4, get("squareplus").f(1e4), 1e-11); // x + b / 4x
        assertEquals(1e-4, get("squareplus").f(-1e4), 1e-11); // b / (2 (s - x)) ~ b / 4|x|
        // tiny but exact where 1 - y would round to 0
        assertEquals(9.357622968838423e-14, df(get("sigmoid"), 30), 1e-27);
    }

    @Test
    void exponentialOverflowsToInfinityNotNaN() {
        Activation exp = get("exponential");
        assertEquals(709.78, exp.maxFiniteInput());
        assertTrue(Double.isFinite(exp.f(709.78)));
        assertEquals(Double.POSITIVE_INFINITY, exp.f(710));
        assertEquals(Double.POSITIVE_INFINITY, exp.f(1e4));
        assertEquals(Double.POSITIVE_INFINITY, df(exp, 1e4));
        assertEquals(0, exp.f(-1e4));
        for (Activation a : Activations.builtins()) {
            if (a != Activations.builtins().get(Activations.names().indexOf("exponential"))) {
                assertEquals(Double.POSITIVE_INFINITY, a.maxFiniteInput(), a.spec());
            }
        }
    }

    @Test
    void piecewiseDefinitions() {
        assertEquals(0, get("hard_sigmoid").f(-3));
        assertEquals(0.5, get("hard_sigmoid").f(0));
        assertEquals(1, get("hard_sigmoid").f(3));
        assertEquals(1.0 / 6, df(get("hard_sigmoid"), 1));
        assertEquals(6, get("relu6").f(8));
        assertEquals(0, get("thresholded_relu").f(1));
        assertEquals(1.5, get("thresholded_relu").f(1.5));
        assertEquals(0, get("softshrink").f(0.4));
        assertEquals(0.5, get("softshrink").f(1));
        assertEquals(-0.5, get("softshrink").f(-1));
        assertEquals(0, get("hardshrink").f(0.5));
        assertEquals(0.6, get("hardshrink").f(0.6));
        assertEquals(-1.0 / 3, get("hard_swish").f(-1), 1e-16);
        assertEquals(1, get("rational_tanh").f(3));
        assertEquals(0, df(get("rational_tanh"), 3));
        assertEquals(1, df(get("rational_tanh"), 0));
        assertEquals(0.75, get("sqnl").f(1));
        assertEquals(0.25, get("elliott").f(-1));
        assertEquals(0.75, get("elliott").f(1));
        assertEquals(1.7159 * Math.tanh(2.0 / 3), get("lecun_tanh").f(1));
    }

    @Test
    void kinksAreListed() {
        assertArrayEquals(new double[] {0}, get("relu").kinks());
        assertArrayEquals(new double[] {0, 6}, get("relu6").kinks());
        assertArrayEquals(new double[] {-3, 3}, get("hard_sigmoid").kinks());
        assertArrayEquals(new double[] {-3, 3}, get("hard_swish").kinks());
        assertArrayEquals(new double[] {1}, get("thresholded_relu").kinks());
        assertArrayEquals(new double[] {-0.5, 0.5}, get("softshrink").kinks());
        assertArrayEquals(new double[] {-0.25, 0.25}, get("hardshrink:lambda=0.25").kinks());
        assertArrayEquals(new double[] {-2, 3}, get("hard_tanh:min=-2,max=3").kinks());
        assertArrayEquals(new double[] {0}, get("rectified_tanh").kinks());
        assertArrayEquals(new double[] {0}, get("elu:alpha=0.5").kinks());
        assertArrayEquals(new double[0], get("elu").kinks());
        assertArrayEquals(new double[0], get("isrlu").kinks());
        assertArrayEquals(new double[0], get("celu:alpha=0.3").kinks());
        assertArrayEquals(new double[0], get("leaky_relu:slope=1").kinks());
        assertArrayEquals(new double[0], get("sqnl").kinks());
        assertArrayEquals(new double[0], get("rational_tanh").kinks());
        double[] kinks = get("relu").kinks();
        kinks[0] = 42;
        assertArrayEquals(new double[] {0}, get("relu").kinks(), "kinks() returns a copy");
    }

    @Test
    void derivativesAtKinksFollowTheDocumentedSide() {
        assertEquals(0, df(get("relu"), 0));
        assertEquals(0.01, df(get("leaky_relu"), 0));
        assertEquals(0, df(get("relu6"), 6));
        assertEquals(0, df(get("hard_tanh"), 1));
        assertEquals(0, df(get("hardshrink"), 0.5));
        assertEquals(0, df(get("hard_swish"), -3));
        assertEquals(1, df(get("hard_swish"), 3));
        assertEquals(1, df(get("rrelu"), 0));
        assertEquals(0.5, df(get("elu:alpha=0.5"), 0));
    }

    @Test
    void tanhshrinkKeepsPrecisionNearZero() {
        Activation t = get("tanhshrink");
        // mpmath: x - tanh(x) at 60 digits; x - Math.tanh(x) would keep only 6 digits at 1e-3
        assertEquals(3.33333200000054e-10, t.f(1e-3), 1e-24);
        assertEquals(-3.33333200000054e-10, t.f(-1e-3), 1e-24);
        assertEquals(3.3333333333333338e-31, t.f(1e-10), 1e-45);
    }
}
