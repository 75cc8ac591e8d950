package theta.nn;

import java.util.random.RandomGenerator;
import theta.math.SplitMix64;

/**
 * Random draws for one entry of a layer at a time, a function of (key, entry) alone: after
 * {@link #at}(key, i) it draws what {@code new SplittableRandom(SplitMix64.at(key, i))} would. A
 * stochastic activation draws through it entry by entry, by parts on all threads, with the same
 * result on any number of them. Not thread-safe: one per part.
 */
final class EntryDraws implements RandomGenerator {
    private long seed;
    private long drawn;

    /** Positions this at entry i of the layer keyed by key; returns this. */
    EntryDraws at(long key, int i) {
        seed = SplitMix64.at(key, i);
        drawn = 0;
        return this;
    }

    @Override
    public long nextLong() {
        return SplitMix64.at(seed, drawn++);
    }
}
