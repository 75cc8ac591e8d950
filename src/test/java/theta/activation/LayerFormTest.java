package theta.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import theta.math.Precision;
import theta.math.Vec;

/**
 * The layer forms f(Vec, Vec, ...) and dfTimes of every built-in activation give, entry by
 * entry, what the scalar f and df give (rounded to the vector's precision), in both precisions.
 */
class LayerFormTest {
    static Stream<Activation> builtins() {
        return Activations.builtins().stream();
    }

    @ParameterizedTest
    @MethodSource("builtins")
    void layerFormsAgreeWithTheScalarFormulas(Activation g) {
        for (Precision p : Precision.values()) {
            int from = 3;
            int n = 2500; // more than two of the vectorised kernels' chunks, not a multiple of one
            Vec x = inputs(g, p, from + n + 2);
            Vec y = p.zeros(x.length());
            y.fill(-7);
            g.f(x, y, from, from + n);
            Vec d = p.zeros(x.length());
            SplittableRandom rng = new SplittableRandom(2);
            for (int i = 0; i < d.length(); i++) {
                d.set(i, rng.nextDouble(-3, 3));
            }
            Vec d0 = d.copy();
            g.dfTimes(x, y, d, from, from + n);
            for (int i = 0; i < x.length(); i++) {
                boolean inside = i >= from && i < from + n;
                double yExpect = inside ? p.round(g.f(x.get(i))) : -7;
                double dExpect = inside ? p.round(d0.get(i) * g.df(x.get(i), y.get(i))) : d0.get(i);
                String at = g.spec() + " " + p + " at x=" + x.get(i);
                assertEquals(yExpect, y.get(i), 0.0, at);
                assertEquals(dExpect, d.get(i), 0.0, at);
            }
        }
    }

    /** Random inputs in [-20, 20] with zeros of both signs, kinks and tiny values planted. */
    private static Vec inputs(Activation g, Precision p, int n) {
        SplittableRandom rng = new SplittableRandom(1);
        Vec x = p.zeros(n);
        for (int i = 0; i < n; i++) {
            x.set(i, rng.nextDouble(-20, 20));
        }
        double[] planted = {0, -0.0, 1e-30, -1e-30, 1, -1, 6, -3, 3};
        for (int i = 0; i < planted.length; i++) {
            x.set(5 + 7 * i, planted[i]);
        }
        double[] kinks = g.kinks();
        for (int i = 0; i < kinks.length; i++) {
            x.set(100 + i, kinks[i]);
        }
        return x;
    }
}
