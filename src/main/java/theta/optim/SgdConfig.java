package theta.optim;

import java.util.BitSet;

import theta.math.Spec;

/**
 * Stochastic gradient descent, PyTorch's conventions (no dampening), with v the velocity:
 * <ul>
 *   <li>plain ({@code momentum == 0}): p -= lr*g</li>
 *   <li>momentum: v = mu*v + g; p -= lr*v</li>
 *   <li>Nesterov: v = mu*v + g; p -= lr*(g + mu*v)</li>
 * </ul>
 *
 * @param momentum mu, in [0, 1)
 * @param nesterov use the Nesterov update; needs {@code momentum > 0}
 */
public record SgdConfig(double momentum, boolean nesterov) implements OptimizerConfig {
    public static final SgdConfig PLAIN = new SgdConfig(0, false);

    public SgdConfig {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("optimizer sgd: momentum " + momentum + " is out of range; allowed 0 <= momentum < 1");
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("optimizer sgd: nesterov=true needs momentum > 0 (e.g. momentum=0.9)");
        }
    }

    @Override
    public String spec() {
        if (momentum == 0) {
            return "sgd";
        }
        return "sgd:momentum=" + Spec.format(momentum) + ",nesterov=" + nesterov;
    }

    @Override
    public Optimizer create(BitSet decayed) {
        return new Sgd(this);
    }
}
