package theta.testing;

/** Norm-wise comparison of two results, for tests that hold one to another within a tolerance. */
public final class Norms {
    private Norms() {}

    /**
     * ||got - expected|| / ||expected|| in the 2-norm: NaN or infinite when {@code expected} is all
     * zeros, so that a bound on it then fails.
     */
    public static double relativeDifference(double[] expected, double[] got) {
        if (expected.length != got.length) {
            throw new IllegalArgumentException("compared " + expected.length + " numbers with " + got.length);
        }
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = got[i] - expected[i];
            diff += d * d;
            norm += expected[i] * expected[i];
        }
        return Math.sqrt(diff / norm);
    }
}
