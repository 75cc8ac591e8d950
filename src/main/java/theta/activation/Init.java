package theta.activation;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Initial weight distributions for a layer with {@code fanIn} inputs and {@code fanOut} outputs
 * (biases not counted). U(-a, a) is uniform, N(0, s^2) normal (not truncated).
 */
public enum Init {
    /**
     * The classic exercise's epsilon_init: U(-e, e) with e = sqrt(6)/sqrt(fanIn + fanOut), drawn
     * for the bias column too ({@link #randomBias()}). Same range as Glorot uniform otherwise.
     */
    CLASSIC,
    /** U(-a, a), a = sqrt(6 / (fanIn + fanOut)): variance 2/(fanIn + fanOut). */
    GLOROT_UNIFORM,
    /** N(0, 2 / (fanIn + fanOut)). */
    GLOROT_NORMAL,
    /** N(0, 2 / fanIn). */
    HE_NORMAL,
    /** U(-a, a), a = sqrt(6 / fanIn): variance 2/fanIn. */
    HE_UNIFORM,
    /** N(0, 1 / fanIn). */
    LECUN_NORMAL,
    /** U(-a, a), a = sqrt(3 / fanIn): variance 1/fanIn. */
    LECUN_UNIFORM;

    /** One weight. */
    public double sample(int fanIn, int fanOut, RandomGenerator rng) {
        double v = variance(fanIn, fanOut);
        if (uniform()) {
            double a = Math.sqrt(3 * v); // U(-a, a) has variance a^2/3
            return rng.nextDouble(-a, a);
        }
        return rng.nextGaussian() * Math.sqrt(v);
    }

    /** The variance of {@link #sample}. */
    public double variance(int fanIn, int fanOut) {
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException("init " + name().toLowerCase(Locale.ROOT) + ": fan-in " + fanIn
                    + " and fan-out " + fanOut + " must both be >= 1");
        }
        return switch (this) {
            case CLASSIC, GLOROT_UNIFORM, GLOROT_NORMAL -> 2.0 / ((double) fanIn + fanOut);
            case HE_NORMAL, HE_UNIFORM -> 2.0 / fanIn;
            case LECUN_NORMAL, LECUN_UNIFORM -> 1.0 / fanIn;
        };
    }

    /** True for the uniform distributions. */
    public boolean uniform() {
        return this == CLASSIC || this == GLOROT_UNIFORM || this == HE_UNIFORM || this == LECUN_UNIFORM;
    }

    /** True when biases are drawn like the weights (the classic exercise); otherwise they start at 0. */
    public boolean randomBias() {
        return this == CLASSIC;
    }

    /** The name used on the command line, e.g. {@code he_normal}. */
    public String spec() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a name, case-insensitive, '-' or '_': classic, glorot_uniform, glorot_normal,
     * he_normal, he_uniform, lecun_normal, lecun_uniform; xavier_* and kaiming_* are accepted for
     * glorot_* and he_*.
     *
     * @throws IllegalArgumentException one line listing the allowed names
     */
    public static Init parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        n = n.replaceFirst("^xavier_", "glorot_").replaceFirst("^kaiming_", "he_");
        for (Init i : values()) {
            if (i.spec().equals(n)) {
                return i;
            }
        }
        throw new IllegalArgumentException("init '" + name + "' is unknown; allowed: "
                + Arrays.stream(values()).map(Init::spec).collect(Collectors.joining(", ")));
    }
}
