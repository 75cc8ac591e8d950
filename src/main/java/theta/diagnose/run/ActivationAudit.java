package theta.diagnose.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import theta.activation.Activation;
import theta.activation.Activations;
import theta.activation.Verification;
import theta.diagnose.WrongDerivative;
import theta.math.Spec;

/**
 * Compares a user's activation derivative (and activation, when given) with theta's on a grid that
 * includes large |z|, and says how it differs: another activation's derivative, the derivative
 * written in the output a applied to z, g'(g(z)), an overflow to NaN or Inf, or an activation
 * that is not the one named.
 */
public final class ActivationAudit {
    /** What the audit found; {@code ok} when their code is the named activation's, to rounding. */
    public record Report(boolean ok, List<String> findings, List<double[]> samples) {}

    private static final double MODERATE = 8;
    private static final double TOLERANCE = 1e-7;
    /** Central differences with step 1e-4 are good to about 1e-8; their f may also round. */
    private static final double NUMERICAL_TOLERANCE = 1e-5;
    private static final double[] LARGE = {20, 50, 100, 300, 700, 709, 710, 720, 750, 1000};
    private static final double[] SHOWN = {-1000, -20, -2, -0.5, 0.5, 2, 20, 710, 1000};

    private ActivationAudit() {}

    /** The grid: -8..8 in steps of 0.1, and large |z| up to 1000. */
    public static double[] grid() {
        List<Double> z = new ArrayList<>();
        for (int i = LARGE.length - 1; i >= 0; i--) {
            z.add(-LARGE[i]);
        }
        for (int i = -80; i <= 80; i++) {
            z.add(i / 10.0);
        }
        for (double v : LARGE) {
            z.add(v);
        }
        return z.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static Report audit(Activation g, ActivationSamples s) {
        double[] z = s.z();
        double[] d = s.derivative();
        List<String> findings = new ArrayList<>();
        DoubleUnaryOperator right = x -> g.df(x, g.f(x));
        boolean derivativeOk = agrees(z, d, right, false, g, TOLERANCE);
        boolean moderateOk = agrees(z, d, right, true, g, TOLERANCE);
        String name = g.spec();
        if (!moderateOk) {
            findings.add("your derivative is not " + name + "'s: " + explain(g, z, d));
        } else if (!derivativeOk) {
            findings.add("your derivative is " + name + "'s for |z| <= " + (int) MODERATE + " but "
                    + largeFailure(z, d, right) );
        }
        boolean activationOk = true;
        if (s.hasActivation()) {
            double[] a = s.value();
            activationOk = agrees(z, a, g::f, false, g, TOLERANCE);
            if (!agrees(z, a, g::f, true, g, TOLERANCE)) {
                String other = match(z, a, false);
                findings.add("your activation is not " + name + (other == null ? "" : ": it is " + other)
                        + at(z, a, g::f));
            } else if (!activationOk) {
                findings.add("your activation is " + name + " for |z| <= " + (int) MODERATE + " but "
                        + largeFailure(z, a, g::f));
            }
            double[] numerical = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                numerical[i] = s.numericalDerivative(i);
            }
            if (!agrees(z, d, numerical, true, g, NUMERICAL_TOLERANCE)) {
                findings.add("your derivative does not match the numerical derivative of your own activation"
                        + at(z, d, numerical).replace(", expected ", ", numerical "));
            }
        }
        if (findings.isEmpty()) {
            findings.add("your derivative" + (s.hasActivation() ? " and activation are " : " is ") + name
                    + "'s at every z tried (-1000..1000), large |z| included");
        }
        return new Report(findings.size() == 1 && derivativeOk && activationOk, findings, samples(g, s));
    }

    /** Rows z, yours, theta's g'(z), and the numerical derivative of your activation (NaN without it). */
    private static List<double[]> samples(Activation g, ActivationSamples s) {
        List<double[]> rows = new ArrayList<>();
        double[] z = s.z();
        for (double want : SHOWN) {
            for (int i = 0; i < z.length; i++) {
                if (z[i] == want) {
                    rows.add(new double[] {z[i], s.derivative()[i], g.df(z[i], g.f(z[i])),
                        s.hasActivation() ? s.numericalDerivative(i) : Double.NaN});
                }
            }
        }
        return rows;
    }

    private static String explain(Activation g, double[] z, double[] d) {
        String name = g.spec();
        if (WrongDerivative.hasOutputForm(g) && agrees(z, d, outputForm(g), true, g, TOLERANCE)) {
            return "it is " + outputFormula(g) + ", " + name + "'s derivative written in the output a = "
                    + name + "(z), evaluated at z: give it a = " + name + "(z), or write it in z";
        }
        if (agrees(z, d, x -> g.df(g.f(x), g.f(g.f(x))), true, g, TOLERANCE)) {
            return "it is " + name + "'(" + name + "(z)): it applies " + name + " before taking the derivative;"
                    + " it must be evaluated at z itself";
        }
        String other = match(z, d, true);
        if (other != null) {
            return "it is " + other + at(z, d, x -> g.df(x, g.f(x)));
        }
        return "it differs from " + name + "'(z)" + at(z, d, x -> g.df(x, g.f(x)));
    }

    /** g's derivative written in its output a (a.*(1-a) for sigmoid), evaluated at z as if z were a. */
    private static DoubleUnaryOperator outputForm(Activation g) {
        WrongDerivative w = new WrongDerivative(g, false, true);
        return x -> w.value(x, g.f(x));
    }

    private static String outputFormula(Activation g) {
        return new WrongDerivative(g, false, true).expression().replace("z2", "z");
    }

    /** The built-in activation whose f (or f') these values are on the moderate range, described. */
    private static String match(double[] z, double[] v, boolean derivative) {
        for (Activation b : Activations.builtins()) {
            DoubleUnaryOperator ref = derivative ? x -> b.df(x, b.f(x)) : b::f;
            if (agrees(z, v, ref, true, b, TOLERANCE)) {
                return derivative ? b.spec() + "'s derivative" : b.spec();
            }
        }
        for (Activation b : Activations.builtins()) {
            if (derivative && WrongDerivative.hasOutputForm(b) && agrees(z, v, outputForm(b), true, null, TOLERANCE)) {
                return outputFormula(b) + ", " + b.spec() + "'s derivative written in its output, evaluated at z";
            }
        }
        return null;
    }

    private static String largeFailure(double[] z, double[] v, DoubleUnaryOperator ref) {
        for (int i = 0; i < z.length; i++) {
            double want = ref.applyAsDouble(z[i]);
            if (!Double.isFinite(v[i]) && Double.isFinite(want)) {
                return String.format(Locale.ROOT, "overflows: %s at z = %s where it should be %s (exp(z) overflows"
                        + " above 709.78; rewrite it so that exp only sees -|z|)", fmt(v[i]), fmt(z[i]), fmt(want));
            }
        }
        return "loses accuracy at large |z|" + at(z, v, ref);
    }

    private static String at(double[] z, double[] v, DoubleUnaryOperator ref) {
        double[] r = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            r[i] = ref.applyAsDouble(z[i]);
        }
        return at(z, v, r);
    }

    /** The first moderate z where v and the reference disagree, else the first z at all. */
    private static String at(double[] z, double[] v, double[] ref) {
        int first = -1;
        for (int i = 0; i < z.length; i++) {
            if (!close(v[i], ref[i], TOLERANCE) && (first < 0 || Math.abs(z[i]) <= MODERATE && Math.abs(z[first]) > MODERATE)) {
                first = i;
            }
        }
        if (first < 0) {
            return "";
        }
        return String.format(Locale.ROOT, " (at z = %s: yours %s, expected %s)", fmt(z[first]), fmt(v[first]), fmt(ref[first]));
    }

    private static boolean agrees(double[] z, double[] v, DoubleUnaryOperator ref, boolean moderateOnly, Activation kinked,
            double tol) {
        double[] r = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            r[i] = ref.applyAsDouble(z[i]);
        }
        return agrees(z, v, r, moderateOnly, kinked, tol);
    }

    private static boolean agrees(double[] z, double[] v, double[] ref, boolean moderateOnly, Activation kinked, double tol) {
        for (int i = 0; i < z.length; i++) {
            if (moderateOnly && Math.abs(z[i]) > MODERATE || nearKink(kinked, z[i])) {
                continue;
            }
            if (!close(v[i], ref[i], tol)) {
                return false;
            }
        }
        return true;
    }

    private static boolean nearKink(Activation g, double z) {
        if (g == null) {
            return Math.abs(z) < 1e-3;
        }
        for (double k : g.kinks()) {
            if (Math.abs(z - k) < 1e-3) {
                return true;
            }
        }
        return false;
    }

    private static boolean close(double a, double b, double tol) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a == b;
        }
        return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
    }

    /** Short: 710, -8, 0.0706508, 4.5014e-07, NaN. */
    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Spec.format(v) : Verification.number(v);
    }
}
