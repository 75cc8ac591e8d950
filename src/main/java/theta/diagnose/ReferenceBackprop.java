package theta.diagnose;

import theta.activation.Activation;
import theta.loss.Loss;
import theta.math.Precision;
import theta.math.Vec;
import theta.nn.Layout;

/**
 * The exercise's forward pass and backprop, one example at a time in float64, written so that a
 * known mistake can be put into it: the debug-size reference for mistaken gradients. The correct
 * gradient is always theta's own ({@link theta.nn.NetworkCost}); the tests check that this
 * reference without mistakes gives the same numbers.
 */
final class ReferenceBackprop {
    /**
     * What the backprop computes where it can go wrong.
     *
     * @param derivative the factor of sigma2, or null for g'(z2)
     * @param outputDelta {@link BackpropSlip#SQUARED_ERROR_DELTA}, {@link BackpropSlip#DELTA_SIGN}, or null for h - Y
     * @param biasKept sigma2 as {@link BackpropSlip#BIAS_NOT_REMOVED} defines it
     */
    record Rule(WrongDerivative derivative, BackpropSlip outputDelta, boolean biasKept) {
        static final Rule CORRECT = new Rule(null, null, false);

        boolean correct() {
            return derivative == null && outputDelta == null && !biasKept;
        }
    }

    /** One forward pass: per example z2, a2 (hidden) and the outputs h, each row-major. */
    record Forward(double[] z2, double[] a2, double[] h) {}

    private final Layout layout;
    private final Activation g;
    private final Loss output;
    private final double[] x;
    private final int[] labels;
    private final int m;
    private final int inputs;
    private final int hidden;
    private final int classes;

    ReferenceBackprop(DiagnosisProblem p) {
        this.layout = p.layout();
        this.g = p.activation();
        this.output = p.output();
        this.x = p.featuresView();
        this.labels = p.labelsView();
        this.m = p.m();
        this.inputs = p.inputs();
        this.hidden = p.hidden();
        this.classes = p.classes();
    }

    private double theta(double[] t, int l, int row, int col) {
        return t[layout.index(l, row, col)];
    }

    Forward forward(double[] t) {
        double[] z2 = new double[m * hidden];
        double[] a2 = new double[m * hidden];
        double[] h = new double[m * classes];
        Vec z3 = Precision.F64.zeros(classes);
        double[] probs = new double[classes];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < hidden; j++) {
                double s = theta(t, 1, j, 0);
                for (int c = 0; c < inputs; c++) {
                    s += theta(t, 1, j, c + 1) * x[i * inputs + c];
                }
                z2[i * hidden + j] = s;
                a2[i * hidden + j] = g.f(s);
            }
            for (int k = 0; k < classes; k++) {
                double s = theta(t, 2, k, 0);
                for (int j = 0; j < hidden; j++) {
                    s += theta(t, 2, k, j + 1) * a2[i * hidden + j];
                }
                z3.set(k, s);
            }
            output.probabilities(z3, 0, classes, probs);
            System.arraycopy(probs, 0, h, i * classes, classes);
        }
        return new Forward(z2, a2, h);
    }

    /** (1/m) sum_i sum_k -y log h - (1-y) log(1-h), with log of the outputs as the exercise writes it. */
    double binaryCrossEntropy(Forward f) {
        double s = 0;
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < classes; k++) {
                double h = f.h()[i * classes + k];
                s += labels[i] == k ? -Math.log(h) : -Math.log(1 - h);
            }
        }
        return s / m;
    }

    /** (1/m) sum_i -log h_label: -sum(sum(Y.*log(h))) / m. */
    double categoricalCrossEntropy(Forward f) {
        double s = 0;
        for (int i = 0; i < m; i++) {
            s -= Math.log(f.h()[i * classes + labels[i]]);
        }
        return s / m;
    }

    /** The data term's gradient, (1/m) (Delta1, Delta2), in the layout of the parameters, with {@code rule}'s mistakes. */
    double[] dataGradient(double[] t, Rule rule) {
        return dataGradient(t, forward(t), rule, layout.size());
    }

    /**
     * The first {@code rows} entries of the data term's gradient, from a forward pass {@code f} at
     * {@code t}: the forward pass is the same for every rule, and only the entries a table shows
     * are accumulated, so each rule costs O(m (K hidden + rows)).
     */
    double[] dataGradient(double[] t, Forward f, Rule rule, int rows) {
        double[] grad = new double[rows];
        double[] s3 = new double[classes];
        double[] back = new double[hidden + 1];
        double[] s2 = new double[hidden];
        // Each entry's layer, row and column (column 0 = bias), read once.
        int[] layer = new int[rows];
        int[] row = new int[rows];
        int[] col = new int[rows];
        for (int idx = 0; idx < rows; idx++) {
            int l = idx < layout.theta(2) ? 1 : 2;
            int units = l == 1 ? hidden : classes;
            layer[idx] = l;
            row[idx] = (idx - layout.theta(l)) % units;
            col[idx] = (idx - layout.theta(l)) / units;
        }
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < classes; k++) {
                double h = f.h()[i * classes + k];
                double e = h - (labels[i] == k ? 1 : 0);
                s3[k] = rule.outputDelta() == null ? e
                        : rule.outputDelta() == BackpropSlip.DELTA_SIGN ? -e : e * h * (1 - h);
            }
            // back = sigma3 * Theta2 (bias column 0 included): 1 x (hidden + 1)
            for (int c = 0; c <= hidden; c++) {
                double s = 0;
                for (int k = 0; k < classes; k++) {
                    s += s3[k] * theta(t, 2, k, c);
                }
                back[c] = s;
            }
            for (int j = 0; j < hidden; j++) {
                // biasKept: sigma2 = back .* [1, g'(z2)] with its last column dropped, so unit j
                // takes column j of that product (column 0 = bias, factor 1) instead of column j + 1.
                int c = rule.biasKept() ? j : j + 1;
                s2[j] = back[c] * (c == 0 ? 1 : derivative(rule, f, i, c - 1));
            }
            // Delta1 = sigma2' * a1, Delta2 = sigma3' * a2, with a1 = [1 x_i], a2 = [1 g(z2_i)].
            for (int idx = 0; idx < rows; idx++) {
                int c = col[idx];
                grad[idx] += layer[idx] == 1
                        ? s2[row[idx]] * (c == 0 ? 1 : x[i * inputs + c - 1])
                        : s3[row[idx]] * (c == 0 ? 1 : f.a2()[i * hidden + c - 1]);
            }
        }
        for (int idx = 0; idx < rows; idx++) {
            grad[idx] /= m;
        }
        return grad;
    }

    private double derivative(Rule rule, Forward f, int i, int j) {
        double z = f.z2()[i * hidden + j];
        double a = f.a2()[i * hidden + j];
        return rule.derivative() == null ? g.df(z, a) : rule.derivative().value(z, a);
    }
}
