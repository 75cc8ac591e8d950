package theta.math;

import java.util.function.IntToDoubleFunction;

/** The index of the largest value; the first one on ties, and NaN never wins. */
public final class ArgMax {
    private ArgMax() {}

    /** The index in [0, n) whose {@code value} is largest (0 when n is 0). */
    public static int of(int n, IntToDoubleFunction value) {
        int best = 0;
        double max = n == 0 ? 0 : value.applyAsDouble(0);
        for (int i = 1; i < n; i++) {
            double v = value.applyAsDouble(i);
            if (v > max) {
                best = i;
                max = v;
            }
        }
        return best;
    }

    /** The index of the largest entry of {@code values}. */
    public static int of(double[] values) {
        return of(values.length, i -> values[i]);
    }
}
