package theta.optim;

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

    private static double[] run(String spec, BitSet decayed, Precision p, double[] p0, double[][] grads) {
        Optimizer opt = Optimizers.create(spec, decayed);
        Vec params = p.of(p0);
        for (double[] g : grads) {
            opt.step(params, p.of(g), 0.01);
        }
        return params.toArray();
    }
}
