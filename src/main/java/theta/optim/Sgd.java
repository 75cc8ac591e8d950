package theta.optim;

import java.util.List;

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
    }

    /** p -= lr*g. */
    private static void plain(Vec p, Vec g, double lr) {
        for (int i = 0, n = p.length(); i < n; i++) {
            p.set(i, p.get(i) - lr * g.get(i));
        }
    }

    /** v = mu*v + g; p -= lr*v. */
    private static void momentum(Vec p, Vec g, Vec v, double mu, double lr) {
        for (int i = 0, n = p.length(); i < n; i++) {
            double vi = mu * v.get(i) + g.get(i);
            v.set(i, vi);
            p.set(i, p.get(i) - lr * vi);
        }
    }

    /** v = mu*v + g; p -= lr*(g + mu*v). */
    private static void nesterov(Vec p, Vec g, Vec v, double mu, double lr) {
        for (int i = 0, n = p.length(); i < n; i++) {
            double gi = g.get(i);
            double vi = mu * v.get(i) + gi;
            v.set(i, vi);
            p.set(i, p.get(i) - lr * (gi + mu * vi));
        }
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
