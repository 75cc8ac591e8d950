package theta.diagnose;

import theta.loss.Loss;

/**
 * The coincidences the mathematics forces on the debug problem: which catalogue entries give the
 * correct column, and which give each other's.
 */
final class Coincidences {
    private Coincidences() {}

    /** Entries that change nothing here. */
    static boolean sameAsCorrect(Mistake mk, DiagnosisProblem p) {
        // With lambda 0 every penalty and regularisation term is 0, right or wrong.
        if (p.lambda() == 0 && (mk.slot() == Mistake.Slot.PENALTY || mk.slot() == Mistake.Slot.REGULARISATION)) {
            return true;
        }
        // relu'(a2) = relu'(z2), since a2 = max(z2, 0) > 0 exactly when z2 > 0; and relu's output
        // form (y > 0) of z2 is relu'(z2) itself.
        return p.activation().spec().equals("relu") && mk instanceof WrongDerivative w
                && w.used().spec().equals("relu");
    }

    /** Two different entries that give the same column here. */
    static boolean same(Mistake a, Mistake b, DiagnosisProblem p) {
        if (sameAsCorrect(a, p) && sameAsCorrect(b, p)) {
            return true;
        }
        // With lambda 0 and a softmax output, the one-line cost is -sum(sum(Y.*log(h))): the data term not averaged.
        if (p.lambda() == 0 && p.output() == Loss.SOFTMAX && ids(a, b, "one-line-cost", "not-averaged")) {
            return true;
        }
        // relu's derivative is its output form (x > 0) whatever x is, so the pairs of one argument
        // coincide; and tanh keeps the sign, so relu'(a2) = relu'(z2) under a tanh hidden layer too.
        if (a instanceof WrongDerivative x && b instanceof WrongDerivative y && x.used().spec().equals("relu")
                && y.used().spec().equals("relu")) {
            return x.ofA() == y.ofA() || p.activation().spec().equals("tanh");
        }
        return false;
    }

    /** max |a - b| over the first rows, relative to the largest |a|. */
    static double maxRelative(double[] a, double[] b, int rows) {
        double d = 0;
        double scale = 0;
        for (int i = 0; i < rows; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(a[i]));
        }
        return d / scale;
    }

    private static boolean ids(Mistake a, Mistake b, String x, String y) {
        return a.id().equals(x) && b.id().equals(y) || a.id().equals(y) && b.id().equals(x);
    }
}
