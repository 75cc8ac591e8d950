package theta.activation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import theta.activation.Verification.Check;
import theta.activation.Verification.Point;

/**
 * Checks an activation's derivative against numerical derivatives of its value, in double.
 *
 * <p>Points: a grid over [-10, 10] in steps of 0.05; 0, +-1e-3, +-1, +-100, +-1e3, +-1e4; 200
 * random points with |x| log-uniform in [1e-3, 1e4] (fixed seed, so a verdict is reproducible);
 * each kink k and k +- 1e-9, 1e-6 (times max(1, |k|)) and 1e-3; and maxFiniteInput + -1, 0, 1.
 *
 * <p>At each x, df(x, f(x)) is compared with the five-point central difference
 * (8 (f(x+h) - f(x-h)) - (f(x+2h) - f(x-2h))) / 12h, h = 1e-3 min(max(|x|, 0.01), 1): relative to
 * |x| near 0, at most 1e-3 so that curves which keep turning at large |x| (sine) are still
 * resolved. Within 2h of a kink the difference is one-sided, (-3 f(x) + 4 f(x+s) - f(x+2s)) / 2s
 * with s = +-h pointing away from the kink; at a kink df must match one of the two sides. Where the
 * central difference fails, the one-sided ones are tried as well (f'' may jump where f' does not,
 * e.g. sqnl at +-2, and f' = 0 there leaves no room for the central difference's error). If h
 * fails, h/16 and h/256 are tried too, so that a curve with a small feature (a large softplus beta)
 * is not refused for the step's sake; a wrong derivative matches at no step.
 *
 * <p>df agrees when |df - numerical| &lt;= 1e-6 max(|df|, |numerical|) + noise, where noise =
 * 100 ulp(max |f| over the stencil) / h bounds the rounding error of the difference quotient (it
 * matters only where f' is tiny next to f, e.g. sigmoid(30)), plus 1e-300 for subnormal results.
 *
 * <p>Also checked: f and df are finite at every point up to {@link Activation#maxFiniteInput()} and
 * never NaN beyond it (no derivative is compared there); for a stochastic activation the same
 * comparison for fTrain, with the same random draws at every stencil point; for learnable
 * parameters, dLearnable against a central difference in the parameter.
 */
public final class ActivationVerifier {
    /** Relative tolerance of the comparison. */
    public static final double TOLERANCE = 1e-6;

    private static final double NOISE_ULPS = 100;
    private static final double ABSOLUTE_FLOOR = 1e-300;
    private static final long SEED = 0x7e7a_2024L;

    private ActivationVerifier() {}

    public static Verification verify(Activation a) {
        double[] kinks = a.kinks();
        List<Point> offending = new ArrayList<>();
        for (double x : points(a)) {
            offending.addAll(checkValue(a, kinks, x));
            if (a.stochastic()) {
                offending.addAll(checkTraining(a, kinks, x));
            }
            for (int i = 0; i < a.learnableCount(); i++) {
                offending.addAll(checkLearnable(a, i, x));
            }
        }
        return new Verification(a, offending.isEmpty(), offending);
    }

    /** The inputs {@link #verify} uses for a, sorted, without duplicates. */
    static double[] points(Activation a) {
        List<Double> xs = new ArrayList<>();
        for (int i = -200; i <= 200; i++) {
            xs.add(i / 20.0);
        }
        for (double x : new double[] {1e-3, 1, 100, 1e3, 1e4}) {
            xs.add(x);
            xs.add(-x);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 200; i++) {
            double magnitude = Math.pow(10, random.nextDouble(-3, 4));
            xs.add(random.nextBoolean() ? magnitude : -magnitude);
        }
        for (double k : a.kinks()) {
            double scale = Math.max(1, Math.abs(k));
            for (double d : new double[] {0, 1e-9 * scale, 1e-6 * scale, 1e-3}) {
                xs.add(k + d);
                xs.add(k - d);
            }
        }
        double max = a.maxFiniteInput();
        if (Double.isFinite(max)) {
            xs.addAll(List.of(max - 1, max, max + 1));
        }
        return xs.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite)
                .sorted().distinct().toArray();
    }

    private static List<Point> checkValue(Activation a, double[] kinks, double x) {
        double y = a.f(x);
        double d = a.df(x, y);
        if (!finite(a, x, y, d)) {
            return List.of(new Point(x, d, y, Double.POSITIVE_INFINITY, Check.FINITE));
        }
        return compare(a::f, x, d, kinks, a, x, Check.DERIVATIVE);
    }

    /** fTrain with the same draws at every stencil point: a fresh generator with one seed per x. */
    private static List<Point> checkTraining(Activation a, double[] kinks, double x) {
        long seed = SEED ^ Double.doubleToLongBits(x);
        DoubleUnaryOperator g = t -> a.fTrain(t, new SplittableRandom(seed));
        double y = g.applyAsDouble(x);
        double d = a.df(x, y);
        if (!finite(a, x, y, d)) {
            return List.of(new Point(x, d, y, Double.POSITIVE_INFINITY, Check.FINITE));
        }
        return compare(g, x, d, kinks, a, x, Check.TRAINING);
    }

    private static List<Point> checkLearnable(Activation a, int i, double x) {
        if (x > a.maxFiniteInput()) {
            return List.of();
        }
        double[] values = a.learnable();
        DoubleUnaryOperator g = q -> {
            double[] changed = values.clone();
            changed[i] = q;
            return a.withLearnable(changed).f(x);
        };
        double d = a.dLearnable(i, x, a.f(x));
        return compare(g, values[i], d, new double[0], a, x, Check.LEARNABLE);
    }

    private static boolean finite(Activation a, double x, double y, double d) {
        if (x <= a.maxFiniteInput()) {
            return Double.isFinite(y) && Double.isFinite(d);
        }
        return !Double.isNaN(y) && !Double.isNaN(d);
    }

    /**
     * Compares derivative d of g at t with difference quotients; empty when they agree (or when
     * kinks on both sides leave nothing to compare), else the offending point reported at x.
     */
    private static List<Point> compare(DoubleUnaryOperator g, double t, double d, double[] kinks,
                                       Activation a, double x, Check check) {
        double h0 = 1e-3 * Math.min(Math.max(Math.abs(t), 0.01), 1);
        if (check != Check.LEARNABLE && x + 2 * h0 > a.maxFiniteInput()) {
            return List.of();
        }
        Estimate closest = null;
        for (double h = h0; h >= h0 / 256; h /= 16) {
            for (Estimate e : estimates(g, t, h, kinks)) {
                double error = Math.abs(d - e.value());
                double allowed = TOLERANCE * Math.max(Math.abs(d), Math.abs(e.value()))
                        + e.noise() + ABSOLUTE_FLOOR;
                if (error <= allowed) {
                    return List.of();
                }
                if (closest == null || error < Math.abs(d - closest.value())) {
                    closest = e;
                }
            }
        }
        if (closest == null) {
            return List.of();
        }
        double n = closest.value();
        double relative = Math.abs(d - n) / Math.max(Math.abs(d), Math.abs(n));
        return List.of(new Point(x, d, n, relative, check));
    }

    /** A difference quotient and the rounding error it may carry. */
    private record Estimate(double value, double noise) {}

    /**
     * The difference quotients at t with step h that do not straddle a kink: the central one and,
     * should it fail, the two one-sided ones (which resolve a jump in f'' where f' = 0, as in sqnl
     * at +-2); beside or at a kink, only the one-sided ones that stay clear of kinks.
     */
    private static List<Estimate> estimates(DoubleUnaryOperator g, double t, double h, double[] kinks) {
        boolean at = false;
        boolean left = false;
        boolean right = false;
        for (double k : kinks) {
            at |= k == t;
            left |= k < t && t - k <= 2 * h;
            right |= k > t && k - t <= 2 * h;
        }
        List<Estimate> estimates = new ArrayList<>(3);
        if (!at && !left && !right) {
            estimates.add(central(g, t, h));
        }
        if (!right) {
            estimates.add(oneSided(g, t, h));
        }
        if (!left) {
            estimates.add(oneSided(g, t, -h));
        }
        return estimates;
    }

    private static Estimate central(DoubleUnaryOperator g, double t, double h) {
        double[] f = {g.applyAsDouble(t - 2 * h), g.applyAsDouble(t - h),
            g.applyAsDouble(t + h), g.applyAsDouble(t + 2 * h)};
        double value = (8 * (f[2] - f[1]) - (f[3] - f[0])) / (12 * h);
        return new Estimate(value, noise(f, h));
    }

    /** Second-order one-sided difference with step s (s &lt; 0: to the left). */
    private static Estimate oneSided(DoubleUnaryOperator g, double t, double s) {
        double[] f = {g.applyAsDouble(t), g.applyAsDouble(t + s), g.applyAsDouble(t + 2 * s)};
        double value = (-3 * f[0] + 4 * f[1] - f[2]) / (2 * s);
        return new Estimate(value, noise(f, Math.abs(s)));
    }

    private static double noise(double[] f, double h) {
        double max = Arrays.stream(f).map(Math::abs).max().orElse(0);
        return NOISE_ULPS * Math.ulp(max) / h;
    }
}
