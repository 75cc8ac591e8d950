package theta.optim;

import java.util.BitSet;

import theta.math.Spec;

/**
 * Adam with bias correction; with {@code weightDecay > 0} it is AdamW (decoupled weight decay,
 * PyTorch's convention: the decay is scaled by the scheduled learning rate):
 * <pre>
 *   m = b1*m + (1-b1)*g;  v = b2*v + (1-b2)*g^2
 *   p = p*(1 - lr*wd) - lr * (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps)     (wd only on decayed entries)
 * </pre>
 * Plain Adam takes no weight decay: the gradient already carries any L2 term of the cost.
 *
 * @param beta1 b1, in [0, 1)
 * @param beta2 b2, in [0, 1)
 * @param eps added to the root of the second moment, &gt; 0
 * @param weightDecay wd, &gt;= 0; 0 means plain Adam
 */
public record AdamConfig(double beta1, double beta2, double eps, double weightDecay) implements OptimizerConfig {
    public static final AdamConfig ADAM = new AdamConfig(0.9, 0.999, 1e-8, 0);
    /** The default AdamW weight decay (as in PyTorch). */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    public AdamConfig {
        String name = weightDecay == 0 ? "optimizer adam" : "optimizer adamw";
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException(name + ": beta1 " + beta1 + " is out of range; allowed 0 <= beta1 < 1");
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException(name + ": beta2 " + beta2 + " is out of range; allowed 0 <= beta2 < 1");
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException(name + ": eps " + eps + " is out of range; allowed eps > 0");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException(name + ": weight_decay " + weightDecay + " is out of range; allowed weight_decay >= 0");
        }
    }

    /** AdamW with the default betas and eps. */
    public static AdamConfig adamW(double weightDecay) {
        return new AdamConfig(ADAM.beta1, ADAM.beta2, ADAM.eps, weightDecay);
    }

    @Override
    public String spec() {
        String s = "beta1=" + Spec.format(beta1) + ",beta2=" + Spec.format(beta2)
                + ",eps=" + Spec.format(eps);
        return weightDecay == 0 ? "adam:" + s : "adamw:" + s + ",weight_decay=" + Spec.format(weightDecay);
    }

    @Override
    public Optimizer create(BitSet decayed) {
        return new Adam(this, decayed);
    }
}
