package theta.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-pass momentum update ({@link Updates#momentum}, each native variant this CPU runs)
 * against the BLAS calls it replaces: the velocity bit for bit, the parameters to their last bit,
 * for momentum (b = 0) and Nesterov (b != 0), only inside the range asked for.
 */
class UpdatesTest {
    @ParameterizedTest
    @MethodSource("theta.math.SparseProductTest#variants")
    void onePassEqualsTheBlasCalls(Precision p, int variant) {
        SplittableRandom rng = new SplittableRandom(3);
        int length = 40_007;
        for (boolean nesterov : new boolean[] {false, true}) {
            double mu = 0.9;
            double lr = 0.1;
            double a = nesterov ? -lr * mu : -lr;
            double b = nesterov ? -lr : 0;
            Vec g = SparseProductTest.random(p, length, rng);
            Vec p1 = SparseProductTest.random(p, length, rng);
            Vec v1 = SparseProductTest.random(p, length, rng);
            Vec p2 = p1.copy();
            Vec v2 = v1.copy();
            int off = 5;
            int n = length - 17;
            double ulp = p == Precision.F64 ? 0x1p-52 : 0x1p-23;
            for (int step = 1; step <= 3; step++) {
                Vec before = p1.copy();
                v1.scale(mu, off, n);
                v1.axpy(1, g, off, off, n);
                if (b != 0) {
                    p1.axpy(b, g, off, off, n);
                }
                p1.axpy(a, v1, off, off, n);
                Updates.momentum(p2, g, v2, mu, a, b, off, n, variant);
                for (int i = 0; i < length; i++) {
                    String what = (nesterov ? "Nesterov" : "momentum") + ", " + p + ", variant " + variant + ", step "
                            + step + ", entry " + i;
                    assertEquals(v1.get(i), v2.get(i), 0.0, what + ": velocity");
                    // Each of up to three roundings (products, sums) within an ulp of the largest term.
                    double scale = Math.abs(before.get(i)) + Math.abs(a * v1.get(i)) + Math.abs(b * g.get(i));
                    assertEquals(p1.get(i), p2.get(i), 3 * ulp * scale, what + ": parameter");
                    if (i < off || i >= off + n) {
                        assertEquals(p1.get(i), p2.get(i), 0.0, what + ": outside the range");
                    }
                }
                p2.copyFrom(p1, 0, 0, length); // the next step from the same parameters
            }
        }
    }

    @ParameterizedTest
    @MethodSource("theta.math.SparseProductTest#variants")
    void momentumDoesNotReadTheGradientForTheParameters(Precision p, int variant) {
        // p += a*v + 0*g would turn an infinite g into NaN; momentum's p is p + a*v only.
        Vec g = p.of(Double.POSITIVE_INFINITY, 1);
        Vec par = p.of(1, 1);
        Vec v = p.of(0, 0);
        Updates.momentum(par, g, v, 0.9, -0.1, 0, 0, 2, variant);
        assertEquals(Double.NEGATIVE_INFINITY, par.get(0));
        assertEquals(0.9, par.get(1), 1e-6);
        assertTrue(Double.isInfinite(v.get(0)));
    }
}
