package theta.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import theta.math.Precision;
import theta.math.Vec;

class OptimizerTest {
    private static final Quadratic Q = Quadratic.standard();

    /** Runs {@code steps} updates from 0 with rate {@code schedule}; returns the parameters. */
    static Vec run(Optimizer opt, Precision p, Schedule schedule, int steps) {
        Vec params = p.zeros(Q.dim());
        Vec grad = p.zeros(Q.dim());
        for (int t = 0; t < steps; t++) {
            Q.gradient(params, grad);
            opt.step(params, grad, schedule.rate(t, steps));
        }
        return params;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void plainSgdReachesTheMinimum(Precision p) {
        Vec x = run(new Sgd(SgdConfig.PLAIN), p, Schedules.constant(0.1), 500);
        assertTrue(Q.distance(x) < 1e-6, () -> "distance " + Q.distance(x));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void momentumReachesTheMinimum(Precision p) {
        Vec x = run(new Sgd(new SgdConfig(0.9, false)), p, Schedules.constant(0.02), 1000);
        assertTrue(Q.distance(x) < 1e-6, () -> "distance " + Q.distance(x));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void nesterovReachesTheMinimum(Precision p) {
        Vec x = run(new Sgd(new SgdConfig(0.9, true)), p, Schedules.constant(0.02), 1000);
        assertTrue(Q.distance(x) < 1e-6, () -> "distance " + Q.distance(x));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void adamReachesTheMinimum(Precision p) {
        Vec x = run(new Adam(AdamConfig.ADAM), p, Schedules.cosine(0.05, 0), 3000);
        assertTrue(Q.distance(x) < 1e-6, () -> "distance " + Q.distance(x));
    }

    @Test
    void nesterovAndMomentumTakeDifferentPaths() {
        Vec m = run(new Sgd(new SgdConfig(0.9, false)), Precision.F64, Schedules.constant(0.02), 5);
        Vec n = run(new Sgd(new SgdConfig(0.9, true)), Precision.F64, Schedules.constant(0.02), 5);
        double diff = 0;
        for (int i = 0; i < Q.dim(); i++) {
            diff = Math.max(diff, Math.abs(m.get(i) - n.get(i)));
        }
        assertTrue(diff > 1e-2, "after 5 steps the trajectories differ by only " + diff);
    }

    @Test
    void firstStepsFollowTheDocumentedFormulas() {
        // g = 2, mu = 0.5, lr = 0.1, from p = 0 (plain/momentum/nesterov), constant gradient.
        Vec g = Precision.F64.of(2);
        Vec p = Precision.F64.zeros(1);
        Optimizer mom = new Sgd(new SgdConfig(0.5, false));
        mom.step(p, g, 0.1); // v = 2, p = -0.2
        mom.step(p, g, 0.1); // v = 3, p = -0.5
        assertEquals(-0.5, p.get(0), 1e-15);
        Vec q = Precision.F64.zeros(1);
        Optimizer nes = new Sgd(new SgdConfig(0.5, true));
        nes.step(q, g, 0.1); // v = 2, p = -0.1*(2 + 1) = -0.3
        nes.step(q, g, 0.1); // v = 3, p = -0.3 - 0.1*(2 + 1.5) = -0.65
        assertEquals(-0.65, q.get(0), 1e-15);
        Vec r = Precision.F64.zeros(1);
        Optimizer adam = new Adam(AdamConfig.ADAM);
        adam.step(r, g, 0.1); // bias-corrected m/sqrt(v) = 1 on the first step
        assertEquals(-0.1, r.get(0), 1e-8);
    }

    @Test
    void adamWDecaysOnlyTheChosenBlocks() {
        BitSet decayed = new BitSet();
        decayed.set(1, 3);
        decayed.set(4, 6);
        Optimizer adamw = new Adam(AdamConfig.adamW(0.5), decayed);
        Optimizer adam = new Adam(AdamConfig.ADAM);
        Vec pw = Precision.F64.zeros(Q.dim());
        Vec pa = Precision.F64.zeros(Q.dim());
        pw.fill(1);
        pa.fill(1);
        Vec gw = Precision.F64.zeros(Q.dim());
        Vec ga = Precision.F64.zeros(Q.dim());
        for (int t = 0; t < 20; t++) {
            Q.gradient(pw, gw);
            Q.gradient(pa, ga);
            adamw.step(pw, gw, 0.1);
            adam.step(pa, ga, 0.1);
        }
        for (int i = 0; i < Q.dim(); i++) {
            if (decayed.get(i)) {
                assertNotEquals(pa.get(i), pw.get(i), "entry " + i + " is decayed");
            } else {
                assertEquals(pa.get(i), pw.get(i), 0.0, "entry " + i + " is not decayed");
            }
        }
    }

    @Test
    void adamWWithZeroGradientShrinksDecayedEntriesGeometrically() {
        BitSet decayed = new BitSet();
        decayed.set(0);
        decayed.set(2);
        Optimizer adamw = new Adam(AdamConfig.adamW(0.5), decayed);
        Vec p = Precision.F64.of(1, 1, 1);
        Vec zero = Precision.F64.zeros(3);
        for (int t = 0; t < 3; t++) {
            adamw.step(p, zero, 0.1);
        }
        double keep = 1 - 0.1 * 0.5;
        assertEquals(keep * keep * keep, p.get(0), 1e-15);
        assertEquals(1.0, p.get(1), 0.0);
        assertEquals(keep * keep * keep, p.get(2), 1e-15);
    }

    @Test
    void adamWRejectsDecayedEntriesBeyondTheParameters() {
        BitSet decayed = new BitSet();
        decayed.set(7);
        Optimizer adamw = new Adam(AdamConfig.adamW(0.1), decayed);
        Vec p = Precision.F64.zeros(3);
        assertThrows(IllegalArgumentException.class, () -> adamw.step(p, p.copy(), 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Adam(AdamConfig.adamW(0.1)));
    }

    @Test
    void stepRejectsMismatchedLengthsAndBadRates() {
        Optimizer sgd = new Sgd(SgdConfig.PLAIN);
        Vec p = Precision.F64.zeros(3);
        assertThrows(IllegalArgumentException.class, () -> sgd.step(p, Precision.F64.zeros(4), 0.1));
        assertThrows(IllegalArgumentException.class, () -> sgd.step(p, p.copy(), -1));
        assertThrows(IllegalArgumentException.class, () -> sgd.step(p, p.copy(), Double.NaN));
        assertEquals(0, sgd.steps());
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void stateBuffersAreCreatedOnTheFirstStepInTheParametersPrecision(Precision p) {
        Optimizer adam = new Adam(AdamConfig.ADAM);
        assertTrue(adam.state().isEmpty());
        Vec params = p.zeros(4);
        adam.step(params, p.of(1, 2, 3, 4), 0.01);
        assertEquals(2, adam.state().size());
        for (Vec v : adam.state()) {
            assertEquals(p, v.precision());
            assertEquals(4, v.length());
        }
        assertEquals(1, adam.steps());
        assertTrue(new Sgd(SgdConfig.PLAIN).stateNames().isEmpty());
    }
}
