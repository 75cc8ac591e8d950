package theta.optim;

import java.util.List;

import theta.math.Parallel;
import theta.math.Updates;
import theta.math.Vec;

/** Plain, momentum or Nesterov SGD; the formulas are on {@link SgdConfig}. */
public final class Sgd implements Optimizer {
    private final SgdConfig config;
    private final StateBuffers buffers;
    private long steps;

    public Sgd(SgdConfig config) {
        this.config = config;
        this.buffers = new StateBuffers(config.spec(), config.momentum() == 0 ? List.of() : List.of("velocity"));
    }

    public SgdConfig config() {
        return config;
    }

    @Override
    public void step(Vec params, Vec grad, double lr) {
        StateBuffers.checkStep(spec(), params, grad, lr);
        Vec[] b = buffers.forParams(params);
        if (config.momentum() == 0) {
            plain(params, grad, lr);
        } else if (config.nesterov()) {
            nesterov(params, grad, b[0], config.momentum(), lr);
        } else {
            momentum(params, grad, b[0], config.momentum(), lr);
        }
        steps++;
        StateBuffers.flushTiny(b, steps, StateBuffers.flushInterval(config.momentum()));
    }

    /**
     * Entries per call: for plain SGD's BLAS axpy, and for the momentum update's one pass (where
     * the size matters little). Blocks are shared out between threads.
     */
    private static final int BLOCK = 1 << 14;

    /** p -= lr*g. */
    private static void plain(Vec p, Vec g, double lr) {
        blocks(p.length(), (b, n) -> p.axpy(-lr, g, b, b, n));
    }

    /** v = mu*v + g; p -= lr*v: one pass over the three vectors ({@link Updates#momentum}). */
    private static void momentum(Vec p, Vec g, Vec v, double mu, double lr) {
        blocks(p.length(), (b, n) -> Updates.momentum(p, g, v, mu, -lr, 0, b, n));
    }

    /** v = mu*v + g; p -= lr*(g + mu*v), as p = (p - lr*g) - lr*mu*v. */
    private static void nesterov(Vec p, Vec g, Vec v, double mu, double lr) {
        blocks(p.length(), (b, n) -> Updates.momentum(p, g, v, mu, -lr * mu, -lr, b, n));
    }

    /** An update of entries [start, start+count). */
    @FunctionalInterface
    private interface Block {
        void run(int start, int count);
    }

    /** Runs {@code block} over [0, length) in blocks of at most BLOCK entries, on all threads. */
    private static void blocks(int length, Block block) {
        Parallel.forRange(length, BLOCK, BLOCK, (from, to) -> {
            for (int b = from; b < to; b += BLOCK) {
                block.run(b, Math.min(BLOCK, to - b));
            }
        });
    }

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
