package theta.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import theta.nn.Block;

/**
 * Explains a failed gradient check in words. The model: over the entries away from kinks, fit
 * {@code num = a * ana + c * theta_reg} by least squares (theta_reg = theta on regularised blocks,
 * 0 elsewhere). When that fits, a says how the cost and gradient are scaled against each other
 * (a = m: the cost is not averaged over m) and c says how their regularisation terms disagree.
 * When it does not fit, the blocks that agree and disagree point at the layer to look at.
 */
public final class Diagnosis {
    /** What the diagnosis may assume: m examples and the regularisation strength lambda. */
    public record Context(int m, double lambda) {}

    private static final double FIT = 1e-4;

    private Diagnosis() {}

    static List<String> explain(List<CheckReport.Entry> entries, List<CheckReport.BlockResult> blocks,
                                List<Block> layout, double[] theta, Context ctx) {
        List<String> out = new ArrayList<>();
        List<CheckReport.Entry> smooth = entries.stream().filter(e -> !e.nearKink()).toList();
        if (smooth.stream().anyMatch(e -> !Double.isFinite(e.numerical()) || !Double.isFinite(e.analytical()))) {
            out.add("Some derivatives are NaN or infinite: the cost or gradient overflows (is log taken of a"
                    + " rounded probability, or exp of a large number?).");
            return out;
        }
        if (smooth.isEmpty()) {
            out.add("Every checked entry is within the step of a kink: move the point or shrink eps.");
            return out;
        }
        int n = smooth.size();
        double[] num = new double[n];
        double[] ana = new double[n];
        double[] reg = new double[n];
        for (int i = 0; i < n; i++) {
            CheckReport.Entry e = smooth.get(i);
            num[i] = e.numerical();
            ana[i] = e.analytical();
            reg[i] = regularised(layout, e.index()) ? theta[e.index()] : 0;
        }
        boolean useReg = norm(reg) > 0 && (ctx == null || ctx.lambda() > 0);
        double[] fit = useReg ? fit2(num, ana, reg) : new double[] {fit1(num, ana), 0};
        double residual = norm(residual(num, ana, reg, fit)) / Math.max(norm(num), 1e-300);
        if (residual < FIT) {
            scaleMessage(fit[0], ctx, out);
            regMessage(fit[0], fit[1], norm(reg), norm(num), ctx, out);
        }
        if (out.isEmpty()) {
            blockMessage(blocks, out);
            worstEntries(smooth, out);
        }
        return out;
    }

    private static void scaleMessage(double a, Context ctx, List<String> out) {
        if (near(a, 1)) {
            return;
        }
        String ratio = String.format(Locale.ROOT, "%.6g", a);
        if (ctx != null && near(a, ctx.m())) {
            out.add("The numerical gradient is m = " + ctx.m() + " times the analytical one: the cost is m times"
                    + " its gradient. Is the cost's data term averaged over m (divided by m)?");
        } else if (ctx != null && near(a, 1.0 / ctx.m())) {
            out.add("The analytical gradient is m = " + ctx.m() + " times the numerical one: is the gradient"
                    + " divided by m, as the cost is?");
        } else if (near(a, -1)) {
            out.add("Numerical and analytical gradients have opposite signs: the gradient (or the cost) has the"
                    + " wrong sign, and descent would climb.");
        } else if (near(a, 2) || near(a, 0.5)) {
            out.add("The numerical gradient is " + ratio + " times the analytical one: a factor of 2 is lost,"
                    + " e.g. the 1/2 of a squared error in the cost but not in the gradient.");
        } else {
            out.add("The numerical gradient is a constant " + ratio + " times the analytical one everywhere:"
                    + " a constant factor is missing from the cost or from the gradient.");
        }
    }

    /**
     * c != 0: the cost's penalty changes with theta differently from the gradient's. With lambda
     * and m known, and assuming the gradient's term (lambda/m) theta is right, the cost's penalty
     * has derivative q (lambda/m) theta with q = a + c m / lambda.
     */
    private static void regMessage(double a, double c, double regNorm, double numNorm, Context ctx,
                                   List<String> out) {
        if (Math.abs(c) * regNorm < 1e-6 * numNorm) {
            return;
        }
        if (ctx == null || ctx.lambda() == 0) {
            out.add(String.format(Locale.ROOT, "numerical - analytical = %.6g * theta on the regularised weights:"
                    + " the regularisation terms of cost and gradient disagree.", c));
            return;
        }
        double unit = ctx.lambda() / ctx.m();
        double q = a + c / unit;
        String what;
        if (near(q, -1)) {
            what = "the cost subtracts its regularisation term; it must add lambda/(2m) * sum(theta^2)";
        } else if (near(q, 0)) {
            what = "the cost has no regularisation term, but the gradient adds (lambda/m) * theta";
        } else if (near(q, 2)) {
            what = "the cost's penalty is twice the gradient's: lambda/m * sum(theta^2) instead of"
                    + " lambda/(2m) * sum(theta^2), or the gradient lacks its (lambda/m) * theta term";
        } else if (near(q, ctx.m())) {
            what = "the cost's penalty is not divided by m";
        } else if (near(q, 1.0 / ctx.m())) {
            what = "the cost's penalty is divided by m twice";
        } else {
            what = String.format(Locale.ROOT, "the cost's penalty has derivative %.6g * (lambda/m) * theta where"
                    + " the gradient has 1 * (lambda/m) * theta", q);
        }
        out.add("The regularisation terms of cost and gradient disagree: " + what + ".");
    }

    private static void blockMessage(List<CheckReport.BlockResult> blocks, List<String> out) {
        List<String> good = blocks.stream().filter(b -> b.checked() > b.nearKink() && b.passed())
                .map(CheckReport.BlockResult::name).toList();
        List<String> bad = blocks.stream().filter(b -> b.checked() > b.nearKink() && !b.passed())
                .map(CheckReport.BlockResult::name).toList();
        if (!good.isEmpty() && !bad.isEmpty()) {
            StringBuilder sb = new StringBuilder(String.join(", ", good) + " agree; " + String.join(", ", bad)
                    + (bad.size() == 1 ? " does not" : " do not") + ".");
            boolean onlyFirstLayers = bad.stream().noneMatch(Diagnosis::isLastLayer);
            if (bad.stream().allMatch(s -> s.startsWith("activation"))) {
                sb.append(" Check the derivative of the activation with respect to its learnable parameter.");
            } else if (onlyFirstLayers && good.stream().anyMatch(Diagnosis::isLastLayer)) {
                sb.append(" The output layer is right, so check the hidden activation's derivative g'(z) and the"
                        + " back-propagation of the deltas into the hidden layer.");
            } else if (bad.stream().allMatch(s -> s.endsWith("bias"))) {
                sb.append(" Only biases disagree: biases are not regularised, and their gradient is the sum of"
                        + " the deltas over the examples.");
            }
            out.add(sb.toString());
        } else {
            out.add("Numerical and analytical gradients disagree in every block, with no constant ratio or"
                    + " regularisation pattern: check the output layer's delta (h - y) and the loss.");
        }
    }

    private static boolean isLastLayer(String blockName) {
        return blockName.startsWith("Theta") && !blockName.startsWith("Theta1 ");
    }

    private static void worstEntries(List<CheckReport.Entry> smooth, List<String> out) {
        List<CheckReport.Entry> worst = smooth.stream()
                .sorted(Comparator.comparingDouble(CheckReport.Entry::relativeError).reversed()).limit(3).toList();
        StringBuilder sb = new StringBuilder("Worst entries:");
        for (CheckReport.Entry e : worst) {
            sb.append(String.format(Locale.ROOT, " [%d %s: numerical %.6g, analytical %.6g]", e.index(), e.block(),
                    e.numerical(), e.analytical()));
        }
        out.add(sb.toString());
    }

    private static boolean regularised(List<Block> blocks, int index) {
        for (Block b : blocks) {
            if (b.contains(index)) {
                return b.regularised();
            }
        }
        return false;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));
    }

    /** Least squares a in num = a * ana. */
    private static double fit1(double[] num, double[] ana) {
        double aa = dot(ana, ana);
        return aa == 0 ? 0 : dot(num, ana) / aa;
    }

    /** Least squares (a, c) in num = a * ana + c * reg, from the 2x2 normal equations. */
    private static double[] fit2(double[] num, double[] ana, double[] reg) {
        double aa = dot(ana, ana);
        double ar = dot(ana, reg);
        double rr = dot(reg, reg);
        double an = dot(ana, num);
        double rn = dot(reg, num);
        double det = aa * rr - ar * ar;
        if (Math.abs(det) <= 1e-12 * aa * rr) {
            return new double[] {fit1(num, ana), 0};
        }
        return new double[] {(an * rr - rn * ar) / det, (rn * aa - an * ar) / det};
    }

    private static double[] residual(double[] num, double[] ana, double[] reg, double[] fit) {
        double[] r = new double[num.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = num[i] - fit[0] * ana[i] - fit[1] * reg[i];
        }
        return r;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }
}
