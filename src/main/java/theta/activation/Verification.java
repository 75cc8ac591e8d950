package theta.activation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of {@link ActivationVerifier#verify}: {@code ok} when no point offends.
 *
 * @param offending the failed points, in increasing x (per check)
 */
public record Verification(Activation activation, boolean ok, List<Point> offending) {

    /** What a point failed. */
    public enum Check {
        /** df(x, f(x)) disagrees with a numerical derivative of f. */
        DERIVATIVE("df disagrees with f", "df"),
        /** df(x, fTrain(x)) disagrees with a numerical derivative of fTrain (same random draws). */
        TRAINING("df disagrees with fTrain", "df"),
        /** dLearnable disagrees with a numerical derivative of f in a learnable parameter. */
        LEARNABLE("dLearnable disagrees with f", "dLearnable"),
        /** f or df is NaN, or infinite where the activation promises finite values. */
        FINITE("f or df is not finite", "df");

        private final String problem;
        private final String label;

        Check(String problem, String label) {
            this.problem = problem;
            this.label = label;
        }
    }

    /**
     * One offending input.
     *
     * @param analytical the activation's derivative (df or dLearnable)
     * @param numerical the central (or, beside a kink, one-sided) difference quotient; for
     *     {@link Check#FINITE}, f(x) itself
     * @param relativeError |analytical - numerical| / max(|analytical|, |numerical|); infinite for
     *     {@link Check#FINITE}
     */
    public record Point(double x, double analytical, double numerical, double relativeError, Check check) {}

    public Verification {
        offending = List.copyOf(offending);
        if (ok != offending.isEmpty()) {
            throw new IllegalArgumentException("ok must be true exactly when no point offends");
        }
    }

    /**
     * One line, e.g. {@code tanh: df disagrees with f at 3 points, e.g. x=0.5: df=0.25,
     * numerical=0.196612}, or {@code tanh: df agrees with f} when ok.
     */
    public String summary() {
        if (ok) {
            return activation.spec() + ": df agrees with f";
        }
        List<String> parts = new ArrayList<>();
        for (Check check : Check.values()) {
            List<Point> points = offending.stream().filter(p -> p.check() == check).toList();
            if (!points.isEmpty()) {
                Point worst = points.stream()
                        .max(Comparator.comparingDouble(p -> Double.isNaN(p.relativeError())
                                ? Double.POSITIVE_INFINITY : p.relativeError()))
                        .orElseThrow();
                parts.add(check.problem + " at " + points.size()
                        + (points.size() == 1 ? " point" : " points") + ", e.g. " + describe(worst));
            }
        }
        return activation.spec() + ": " + String.join("; ", parts);
    }

    private static String describe(Point p) {
        String x = "x=" + number(p.x()) + ": ";
        if (p.check() == Check.FINITE) {
            return x + "f=" + number(p.numerical()) + ", df=" + number(p.analytical());
        }
        return x + p.check().label + "=" + number(p.analytical()) + ", numerical=" + number(p.numerical());
    }

    /** Six significant digits without trailing zeros: 0.0706508, 4.5014e-07, 1.23457e+06, NaN. */
    public static String number(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v == 0 ? "0" : Double.toString(v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int exponent = s.indexOf('e');
        String mantissa = exponent < 0 ? s : s.substring(0, exponent);
        String suffix = exponent < 0 ? "" : s.substring(exponent);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + suffix;
    }
}
