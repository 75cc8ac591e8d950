package theta.optim;

import java.nio.FloatBuffer;
import java.util.BitSet;
import java.util.List;

import theta.math.Parallel;
import theta.math.Vec;

/**
 * Adam, and AdamW when the configuration has a weight decay; the formulas are on {@link AdamConfig}.
 *
 * <p>The decayed entries are given as a {@link BitSet} (bit i set: entry i is a weight). One step
 * is one pass over the vector: it walks the runs of set bits, applying the decay factor inside a
 * run and none between runs.
 */
public final class Adam implements Optimizer {
    private final AdamConfig config;
    private final BitSet decayed;
    private final StateBuffers buffers;
    private long steps;

    /** Plain Adam ({@code config.weightDecay()} must be 0). */
    public Adam(AdamConfig config) {
        this(config, new BitSet());
        if (config.weightDecay() != 0) {
            throw new IllegalArgumentException("adamw: needs the set of decayed entries; use new Adam(config, decayed)");
        }
    }

    /** Adam(W); {@code decayed} is copied and ignored when the weight decay is 0. */
    public Adam(AdamConfig config, BitSet decayed) {
        this.config = config;
        this.decayed = (BitSet) decayed.clone();
        this.buffers = new StateBuffers(config.spec(), List.of("m", "v"));
    }

    public AdamConfig config() {
        return config;
    }

    @Override
    public void step(Vec params, Vec grad, double lr) {
        StateBuffers.checkStep(spec(), params, grad, lr);
        int n = params.length();
        double wd = config.weightDecay();
        if (wd != 0 && decayed.length() > n) {
            throw new IllegalArgumentException(spec() + ": decayed entry " + (decayed.length() - 1)
                    + " is beyond the parameters' length " + n);
        }
        if (!(lr * wd < 1)) {
            throw new IllegalArgumentException(spec() + ": lr*weight_decay = " + lr * wd + " must be < 1");
        }
        Vec[] b = buffers.forParams(params);
        long t = steps + 1;
        // Bias corrections from t itself (not a running product), so a restored run matches exactly.
        double stepSize = lr / (1 - Math.pow(config.beta1(), t));
        double rootBc2 = Math.sqrt(1 - Math.pow(config.beta2(), t));
        Update u = new Update(params, grad, b[0], b[1], stepSize, rootBc2);
        int i = 0;
        if (wd != 0) {
            for (int from = decayed.nextSetBit(0); from >= 0; from = decayed.nextSetBit(i)) {
                int to = decayed.nextClearBit(from);
                u.run(i, from, 1);
                u.run(from, to, 1 - lr * wd);
                i = to;
            }
        }
        u.run(i, n, 1);
        steps = t;
        StateBuffers.flushTiny(b, t, StateBuffers.flushInterval(Math.min(config.beta1(), config.beta2())));
    }

    /** The fused per-entry update over one index range, with one decay factor. */
    private final class Update {
        private final Vec p;
        private final Vec g;
        private final Vec m;
        private final Vec v;
        private final double stepSize;
        private final double rootBc2;

        Update(Vec p, Vec g, Vec m, Vec v, double stepSize, double rootBc2) {
            this.p = p;
            this.g = g;
            this.m = m;
            this.v = v;
            this.stepSize = stepSize;
            this.rootBc2 = rootBc2;
        }

        /** For i in [from, to): moments, then p = p*keep - stepSize * m / (sqrt(v)/sqrt(bc2) + eps). */
        void run(int from, int to, double keep) {
            // Entries are independent: cut the range between threads.
            Parallel.forRange(to - from, 1 << 14, 16, (a, b) -> entries(from + a, from + b, keep));
        }

        private void entries(int from, int to, double keep) {
            if (p instanceof Vec.F32 pf && g instanceof Vec.F32 gf && m instanceof Vec.F32 mf
                    && v instanceof Vec.F32 vf) {
                floatEntries(pf.buffer(), gf.buffer(), mf.buffer(), vf.buffer(), from, to, (float) keep);
                return;
            }
            double b1 = config.beta1();
            double b2 = config.beta2();
            double eps = config.eps();
            for (int i = from; i < to; i++) {
                double gi = g.get(i);
                double mi = b1 * m.get(i) + (1 - b1) * gi;
                double vi = b2 * v.get(i) + (1 - b2) * gi * gi;
                m.set(i, mi);
                v.set(i, vi);
                p.set(i, p.get(i) * keep - stepSize * mi / (Math.sqrt(vi) / rootBc2 + eps));
            }
        }

        /**
         * The same update for float32 vectors, in float arithmetic on chunks copied out of the
         * native buffers, so that the JIT vectorises it (square root included).
         */
        private void floatEntries(FloatBuffer pb, FloatBuffer gb, FloatBuffer mb, FloatBuffer vb, int from, int to,
                                  float keep) {
            float b1 = (float) config.beta1();
            float b2 = (float) config.beta2();
            float c1 = (float) (1 - config.beta1());
            float c2 = (float) (1 - config.beta2());
            float eps = (float) config.eps();
            float step = (float) stepSize;
            float root = (float) rootBc2;
            float[][] t = CHUNKS.get();
            float[] pc = t[0];
            float[] gc = t[1];
            float[] mc = t[2];
            float[] vc = t[3];
            for (int s = from; s < to; s += pc.length) {
                int n = Math.min(pc.length, to - s);
                pb.get(s, pc, 0, n);
                gb.get(s, gc, 0, n);
                mb.get(s, mc, 0, n);
                vb.get(s, vc, 0, n);
                for (int i = 0; i < n; i++) {
                    float gi = gc[i];
                    float mi = b1 * mc[i] + c1 * gi;
                    float vi = b2 * vc[i] + c2 * gi * gi;
                    mc[i] = mi;
                    vc[i] = vi;
                    pc[i] = pc[i] * keep - step * mi / ((float) Math.sqrt(vi) / root + eps);
                }
                pb.put(s, pc, 0, n);
                mb.put(s, mc, 0, n);
                vb.put(s, vc, 0, n);
            }
        }
    }

    /** Four float chunks per thread for {@link Update#floatEntries}. */
    private static final ThreadLocal<float[][]> CHUNKS = ThreadLocal.withInitial(() -> new float[4][1024]);

    @Override
    public String spec() {
        return config.spec();
    }

    @Override
    public List<String> stateNames() {
        return buffers.names();
    }

    @Override
    public List<Vec> state() {
        return buffers.list();
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void restore(long steps, List<double[]> state) {
        buffers.restore(steps, state);
        this.steps = steps;
    }
}
