package theta.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PReLU's learnable slope and RReLU's random slopes. */
class LearnableAndStochasticTest {

    @Test
    void preluHasOneLearnableSlope() {
        Activation prelu = Activations.parse("prelu");
        assertEquals(1, prelu.learnableCount());
        assertArrayEquals(new double[] {0.25}, prelu.learnable());
        assertEquals(-0.5, prelu.f(-2));
        assertEquals(0.25, prelu.df(-2, prelu.f(-2)));
        assertEquals(3, prelu.f(3));
    }

    @Test
    void preluSlopeDerivativeIsXOnTheLeftAndZeroOnTheRight() {
        Activation prelu = Activations.parse("prelu");
        for (double x : new double[] {-1e4, -3, -0.5, -1e-3}) {
            assertEquals(x, prelu.dLearnable(0, x, prelu.f(x)));
            double h = 1e-6;
            double numerical = (prelu.withLearnable(new double[] {0.25 + h}).f(x)
                    - prelu.withLearnable(new double[] {0.25 - h}).f(x)) / (2 * h);
            assertEquals(numerical, prelu.dLearnable(0, x, prelu.f(x)), 1e-6 * Math.abs(x));
        }
        for (double x : new double[] {0, 1e-3, 2, 1e4}) {
            assertEquals(0, prelu.dLearnable(0, x, prelu.f(x)));
        }
        assertThrows(IllegalArgumentException.class, () -> prelu.dLearnable(1, -1, -0.25));
    }

    @Test
    void withLearnableReturnsACopy() {
        Activation prelu = Activations.parse("prelu");
        Activation changed = prelu.withLearnable(new double[] {0.5});
        assertNotSame(prelu, changed);
        assertArrayEquals(new double[] {0.25}, prelu.learnable(), "the original is unchanged");
        assertArrayEquals(new double[] {0.5}, changed.learnable());
        assertEquals(-1, changed.f(-2));
        assertEquals("prelu:a=0.5", changed.spec());
        assertEquals(changed, Activations.parse(changed.spec()));
        double[] values = {0.7};
        Activation fromArray = prelu.withLearnable(values);
        values[0] = 9;
        assertArrayEquals(new double[] {0.7}, fromArray.learnable(), "the caller's array is not kept");
        assertThrows(IllegalArgumentException.class, () -> prelu.withLearnable(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> prelu.withLearnable(new double[] {Double.NaN}));
    }

    @Test
    void othersHaveNoLearnableParameters() {
        for (Activation a : Activations.builtins()) {
            if (a.spec().equals("prelu")) {
                continue;
            }
            assertEquals(0, a.learnableCount(), a.spec());
            assertEquals(0, a.learnable().length, a.spec());
            assertEquals(a, a.withLearnable(new double[0]), a.spec());
            assertThrows(IllegalArgumentException.class, () -> a.withLearnable(new double[] {1}), a.spec());
            assertThrows(IllegalArgumentException.class, () -> a.dLearnable(0, 1, 1), a.spec());
        }
    }

    @Test
    void onlyRreluIsStochastic() {
        List<String> stochastic = Activations.builtins().stream().filter(Activation::stochastic)
                .map(Activation::spec).toList();
        assertEquals(List.of("rrelu"), stochastic);
        assertFalse(Activations.parse("rrelu:lower=0.2,upper=0.2").stochastic(), "one slope only");
    }

    @Test
    void rreluDrawsSlopesUniformlyWithinTheBounds() {
        Activation rrelu = Activations.parse("rrelu");
        double lower = 1.0 / 8;
        double upper = 1.0 / 3;
        SplittableRandom rng = new SplittableRandom(42);
        int n = 20000;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double x = -0.5 - i % 7;
            double y = rrelu.fTrain(x, rng);
            double slope = y / x;
            assertTrue(slope >= lower && slope <= upper, "slope " + slope);
            assertEquals(slope, rrelu.df(x, y), 1e-15, "df uses the drawn slope");
            sum += slope;
            min = Math.min(min, slope);
            max = Math.max(max, slope);
        }
        // the mean of n uniform draws is within 5 standard errors (0.06/sqrt(n) each) of the middle
        assertEquals((lower + upper) / 2, sum / n, 5 * 0.06 / Math.sqrt(n));
        assertTrue(min < lower + 0.01 && max > upper - 0.01, "draws cover the range: " + min + ".." + max);
        assertEquals(3, rrelu.fTrain(3, rng), "x >= 0 passes through");
        assertEquals(1, rrelu.df(3, 3));
    }

    @Test
    void rreluEvaluatesWithTheMeanSlope() {
        Activation rrelu = Activations.parse("rrelu");
        double mean = (1.0 / 8 + 1.0 / 3) / 2;
        assertEquals(-2 * mean, rrelu.f(-2), 1e-16);
        assertEquals(mean, rrelu.df(-2, rrelu.f(-2)), 1e-16);
        assertEquals(2, rrelu.f(2));
        Activation custom = Activations.parse("rrelu:lower=0.1,upper=0.3");
        assertEquals(-0.2, custom.f(-1), 1e-16);
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            double slope = custom.fTrain(-1, rng) / -1;
            assertTrue(slope >= 0.1 && slope <= 0.3, "slope " + slope);
        }
    }

    @Test
    void builtinsAreImmutableAndShared() {
        assertSame(Activations.builtins(), Activations.builtins());
        assertThrows(UnsupportedOperationException.class, () -> Activations.builtins().clear());
    }
}
