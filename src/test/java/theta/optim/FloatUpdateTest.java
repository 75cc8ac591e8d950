package theta.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import theta.math.Precision;
import theta.math.Vec;

/**
 * The float32 update paths (vectorised float chunks for Adam, BLAS for SGD) follow the float64
 * updates from the same starting point: after a few steps the parameters agree to float precision.
 */
class FloatUpdateTest {
    @ParameterizedTest
    @ValueSource(strings = {"adam", "adamw:weight_decay=0.1", "sgd", "sgd:momentum=0.9", "sgd:momentum=0.9,nesterov=true"})
    void float32FollowsFloat64(String spec) {
        int n = 5000; // several chunks and blocks, not a multiple of either
        SplittableRandom rng = new SplittableRandom(9);
        double[] p0 = new double[n];
        double[][] grads = new double[5][n];
        for (int i = 0; i < n; i++) {
            p0[i] = (float) rng.nextDouble(-1, 1);
            for (double[] g : grads) {
                g[i] = (float) rng.nextDouble(-1, 1);
            }
        }
        BitSet decayed = new BitSet();
        decayed.set(100, 3000);
        double[] r64 = run(spec, decayed, Precision.F64, p0, grads);
        double[] r32 = run(spec, decayed, Precision.F32, p0, grads);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(r32[i] - r64[i]) / Math.max(1e-3, Math.abs(r64[i])));
        }
        assertTrue(worst < 1e-5, spec + ": worst relative difference " + worst);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd:momentum=0.9", "sgd:momentum=0.5,nesterov=true", "sgd:momentum=0.1", "adam",
        "adam:beta1=0.5"})
    void decayingStateNeverTurnsSubnormal(String spec) {
        // One gradient, then zeros: the state decays geometrically towards float's subnormals.
        Optimizer opt = Optimizers.create(spec, new BitSet());
        Vec p = Precision.F32.of(1, -2, 0.5);
        Vec kick = Precision.F32.of(1, 1e-3, -3);
        Vec zero = Precision.F32.zeros(3);
        opt.step(p, kick, 0.01);
        double[] after1 = p.toArray();
        for (int t = 0; t < 3000; t++) {
            opt.step(p, zero, 0.01);
            for (Vec v : opt.state()) {
                for (int i = 0; i < v.length(); i++) {
                    double x = Math.abs(v.get(i));
                    assertTrue(x == 0 || x >= Float.MIN_NORMAL, spec + ": subnormal state " + x + " after step " + (t + 2));
                }
            }
        }
        if (spec.startsWith("sgd")) {
            // The weights still moved by the whole geometric tail of the velocity (float rounding aside).
            double mu = spec.contains("0.9") ? 0.9 : spec.contains("0.5") ? 0.5 : 0.1;
            double tail = mu / (1 - mu) * (spec.contains("nesterov") ? mu : 1);
            assertEquals(after1[0] - 0.01 * tail, p.get(0), 1e-6);
        }
    }

    @org.junit.jupiter.api.Test
    void subnormalsFromTinyGradientsAreGoneAtTheNextFlush() {
        // Adam's second moment of a 1e-20 gradient is 1e-43: subnormal at once, zero by step 32.
        Optimizer opt = Optimizers.create("adam", new BitSet());
        Vec p = Precision.F32.of(1);
        opt.step(p, Precision.F32.of(1e-20), 0.01);
        for (int t = 2; t <= 32; t++) {
            opt.step(p, Precision.F32.zeros(1), 0.01);
        }
        double m = opt.state().get(0).get(0);
        double v = opt.state().get(1).get(0);
        assertTrue(m >= Float.MIN_NORMAL, "the first moment, 1e-21 * 0.9^31, is normal and kept: " + m);
        assertEquals(0, v, 0.0, "the second moment, 1e-43, was subnormal");
    }

    private static double[] run(String spec, BitSet decayed, Precision p, double[] p0, double[][] grads) {
        Optimizer opt = Optimizers.create(spec, decayed);
        Vec params = p.of(p0);
        for (double[] g : grads) {
            opt.step(params, p.of(g), 0.01);
        }
        return params.toArray();
    }
}
