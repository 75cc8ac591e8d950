package theta;

import java.util.Locale;

/**
 * Sizes theta accepts from files before it takes memory for them, so that a lying header (a few
 * KB promising gigabytes) ends in one line instead of minutes of swapping and an
 * OutOfMemoryError. Each can be raised with an environment variable (or the system property of
 * the same name in lower case with dots, e.g. {@code theta.max.values}, for tests).
 */
public final class Limits {
    /** Values in one file (pixels of all images, elements of one array): 200 million. */
    public static final long DEFAULT_VALUES = 200_000_000L;
    /** Values in one example (one CSV line, one image): 1024 x 1024. */
    public static final long DEFAULT_FEATURES = 1024L * 1024;

    private Limits() {}

    /** Largest number of values read from one file or array; THETA_MAX_VALUES. */
    public static long values() {
        return get("THETA_MAX_VALUES", DEFAULT_VALUES);
    }

    /** Largest number of values in one example; THETA_MAX_FEATURES. */
    public static long features() {
        return get("THETA_MAX_FEATURES", DEFAULT_FEATURES);
    }

    /** Throws the one-line refusal when {@code count} exceeds {@link #values()}. */
    public static void checkValues(String where, String what, long count) {
        long limit = values();
        if (count < 0 || count > limit) {
            throw new InputException(String.format(Locale.ROOT, "%s: %s is %,d values, more than theta's limit of %,d"
                    + " (set THETA_MAX_VALUES to raise it)", where, what, count, limit));
        }
    }

    /** Throws the one-line refusal when {@code count} exceeds {@link #features()}. */
    public static void checkFeatures(String where, String what, long count) {
        long limit = features();
        if (count > limit) {
            throw new InputException(String.format(Locale.ROOT, "%s: %s has %,d values, more than theta's limit of %,d"
                    + " per example (set THETA_MAX_FEATURES to raise it)", where, what, count, limit));
        }
    }

    private static long get(String env, long fallback) {
        String v = System.getProperty(env.toLowerCase(Locale.ROOT).replace('_', '.'));
        if (v == null) {
            v = System.getenv(env);
        }
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.strip().replace("_", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new InputException(env + ": '" + v + "' is not a positive whole number");
    }
}
