package theta.optim;

import java.util.BitSet;

/**
 * A validated optimiser configuration, as parsed from a spec by {@link Optimizers#parse}. The
 * optimiser itself is made later by {@link #create}, once the parameter layout is known.
 */
public sealed interface OptimizerConfig permits SgdConfig, AdamConfig {
    /** The canonical spec, with every option spelled out; {@code parse(spec())} equals this. */
    String spec();

    /**
     * A fresh optimiser. {@code decayed} marks the parameter entries that decoupled weight decay
     * applies to (bit i set: entry i is a weight; clear: a bias or other undecayed entry); only
     * AdamW reads it, and it is copied.
     */
    Optimizer create(BitSet decayed);
}
