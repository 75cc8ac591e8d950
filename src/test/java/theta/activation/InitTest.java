package theta.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InitTest {
    private static final int N = 100_000;
    private static final int FAN_IN = 400;
    private static final int FAN_OUT = 25;

    /**
     * Each distribution with the variance and (for uniform ones) the half-width it must have at
     * fan-in 400, fan-out 25, written out from the definitions; half-width 0 means normal.
     */
    @ParameterizedTest
    @CsvSource({
            "CLASSIC,        0.0047058823529411764, 0.11881770515720875",
            "GLOROT_UNIFORM, 0.0047058823529411764, 0.11881770515720875",
            "GLOROT_NORMAL,  0.0047058823529411764, 0",
            "HE_NORMAL,      0.005,                 0",
            "HE_UNIFORM,     0.005,                 0.12247448713915890",
            "LECUN_NORMAL,   0.0025,                0",
            "LECUN_UNIFORM,  0.0025,                0.08660254037844387"})
    void samplesHaveTheRightMeanVarianceAndShape(Init init, double variance, double halfWidth) {
        assertEquals(variance, init.variance(FAN_IN, FAN_OUT), 1e-15);
        SplittableRandom rng = new SplittableRandom(20240601);
        double sum = 0, sum2 = 0, sum4 = 0, maxAbs = 0;
        for (int i = 0; i < N; i++) {
            double x = init.sample(FAN_IN, FAN_OUT, rng);
            sum += x;
            sum2 += x * x;
            sum4 += x * x * x * x;
            maxAbs = Math.max(maxAbs, Math.abs(x));
        }
        double mean = sum / N;
        double var = sum2 / N - mean * mean;
        double kurtosis = (sum4 / N) / (var * var);
        assertTrue(Math.abs(mean) < 5 * Math.sqrt(variance / N), "mean " + mean);
        assertEquals(variance, var, 0.03 * variance, "variance");
        if (halfWidth > 0) {
            assertTrue(maxAbs <= halfWidth, "max |x| " + maxAbs + " beyond " + halfWidth);
            assertTrue(maxAbs > 0.999 * halfWidth, "max |x| " + maxAbs + " never near " + halfWidth);
            assertEquals(1.8, kurtosis, 0.05, "uniform kurtosis");
        } else {
            assertEquals(3.0, kurtosis, 0.15, "normal kurtosis");
            assertTrue(maxAbs > 3.5 * Math.sqrt(variance), "normal tails reach past 3.5 sd");
        }
        assertEquals(halfWidth > 0, init.uniform());
    }

    @Test
    void classicIsTheExercisesEpsilonAndDrawsBiases() {
        // The exercise's epsilon_init = sqrt(6)/sqrt(L_in + L_out) ~ 0.12 for 400 inputs and 25 hidden units.
        assertEquals(0.12, Math.sqrt(3 * Init.CLASSIC.variance(400, 25)), 0.002);
        assertTrue(Init.CLASSIC.randomBias());
        for (Init i : Init.values()) {
            assertEquals(i == Init.CLASSIC, i.randomBias(), i.spec());
        }
    }

    @ParameterizedTest
    @CsvSource({"relu, HE_NORMAL", "ReLU, HE_NORMAL", "leaky_relu:slope=0.1, HE_NORMAL", "prelu, HE_NORMAL",
            "elu:alpha=1, HE_NORMAL", "gelu, HE_NORMAL", "selu, LECUN_NORMAL", "sigmoid, GLOROT_UNIFORM",
            "tanh, GLOROT_UNIFORM", "softsign, GLOROT_UNIFORM", "identity, GLOROT_UNIFORM"})
    void defaultsFollowTheActivation(String activation, Init expected) {
        assertEquals(expected, Activations.parse(activation).defaultInit());
    }

    @Test
    void classicIsNeverADefault() {
        for (Activation a : Activations.builtins()) {
            assertFalse(a.defaultInit() == Init.CLASSIC, a.spec());
        }
    }

    @Test
    void parsesNamesAndAliases() {
        for (Init i : Init.values()) {
            assertEquals(i, Init.parse(i.spec()));
            assertEquals(i, Init.parse(i.name()));
        }
        assertEquals(Init.GLOROT_NORMAL, Init.parse("xavier-normal"));
        assertEquals(Init.HE_UNIFORM, Init.parse(" Kaiming_Uniform "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Init.parse("orthogonal"));
        assertTrue(e.getMessage().contains("allowed: classic, glorot_uniform"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void fansMustBePositive() {
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> Init.HE_NORMAL.sample(0, 5, rng));
        assertThrows(IllegalArgumentException.class, () -> Init.GLOROT_UNIFORM.sample(5, -1, rng));
    }
}
