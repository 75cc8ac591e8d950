package theta.math;

/**
 * SplitMix64's output function, the one seed mixer of theta: shuffles, dropout masks and
 * augmentations are pure functions of (seed, epoch, batch or example) through it, so a run can be
 * resumed without any random generator state.
 */
public final class SplitMix64 {
    /** SplitMix64's increment, the golden ratio times 2^64. */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SplitMix64() {}

    /** The finaliser: a bijection of 64-bit values with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The i-th output (from 0) of the SplitMix64 stream seeded with seed, which is what the i+1-th
     * {@code nextLong} of {@code new SplittableRandom(seed)} returns: any entry of the stream at
     * once, so that parts of it can be drawn on several threads.
     */
    public static long at(long seed, long i) {
        return mix(seed + (i + 1) * GOLDEN);
    }

    /** Mixes two numbers into a seed: {@code mix(a * GOLDEN + b)}. */
    public static long mix(long a, long b) {
        return mix(a * GOLDEN + b);
    }
}
