package theta.optim;

import java.util.BitSet;
import java.util.List;

/**
 * Parses optimiser specs from the command line:
 * <pre>
 *   sgd                                 plain SGD
 *   sgd:momentum=0.9                    momentum (PyTorch form), nesterov=false by default
 *   sgd:momentum=0.9,nesterov=true      Nesterov momentum
 *   adam:beta1=0.9,beta2=0.999,eps=1e-8
 *   adamw:weight_decay=0.01             AdamW, same options as adam plus weight_decay
 * </pre>
 * Every option is optional; the defaults are shown above. Errors are one-line
 * {@link IllegalArgumentException}s that say what is wrong and what is allowed.
 */
public final class Optimizers {
    /** The optimiser names {@link #parse} accepts. */
    public static final List<String> NAMES = List.of("sgd", "adam", "adamw");

    private Optimizers() {}

    public static OptimizerConfig parse(String spec) {
        SpecReader r = SpecReader.read("optimizer", spec, NAMES);
        OptimizerConfig c = switch (r.name()) {
            case "sgd" -> new SgdConfig(r.number("momentum", 0), r.bool("nesterov", false));
            case "adam" -> adam(r);
            default -> new AdamConfig(r.number("beta1", AdamConfig.ADAM.beta1()), r.number("beta2", AdamConfig.ADAM.beta2()),
                    r.number("eps", AdamConfig.ADAM.eps()), r.number("weight_decay", AdamConfig.DEFAULT_WEIGHT_DECAY));
        };
        r.finish();
        return c;
    }

    private static AdamConfig adam(SpecReader r) {
        if (r.has("weight_decay")) {
            throw r.fail("weight_decay is not an adam option (an L2 term belongs in the cost); "
                    + "for decoupled decay use adamw:weight_decay=...");
        }
        return new AdamConfig(r.number("beta1", AdamConfig.ADAM.beta1()), r.number("beta2", AdamConfig.ADAM.beta2()),
                r.number("eps", AdamConfig.ADAM.eps()), 0);
    }

    /** {@code parse(spec).create(decayed)}: a fresh optimiser; see {@link OptimizerConfig#create}. */
    public static Optimizer create(String spec, BitSet decayed) {
        return parse(spec).create(decayed);
    }
}
