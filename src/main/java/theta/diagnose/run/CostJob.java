package theta.diagnose.run;

import java.nio.file.Path;

import theta.diagnose.DiagnosisProblem;

/**
 * One call of a user's cost function: the file that defines it (an Octave {@code .m} file, whose
 * function has the file's name, or a Python module), the function's name, the call expression
 * (null: the interpreter's default call), and the problem.
 *
 * @param firstLabel the label the user's code expects for the first class: 1 (the exercise's
 *     1..K) or 0 (0..K-1)
 * @param rowMajor whether the user's code unrolls each weight matrix row by row (NumPy's default
 *     {@code reshape}) rather than column by column ({@code Theta1(:)})
 */
public record CostJob(Path source, String function, String call, DiagnosisProblem problem, int firstLabel,
        boolean rowMajor) {
    public CostJob {
        if (firstLabel != 0 && firstLabel != 1) {
            throw new IllegalArgumentException("labels start at 0 or 1, got " + firstLabel);
        }
        if (call != null && (call.isBlank() || call.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("--call: expected one expression on one line, got '" + call + "'");
        }
    }

    /** The parameters in the order the user's code unrolls them. */
    double[] userParams() {
        double[] p = problem.parameters();
        return rowMajor ? BlockOrder.toRowMajor(problem, p) : p;
    }

    /** A parameter-shaped vector from the user's code, in theta's layout. */
    double[] toThetaLayout(double[] v) {
        return rowMajor ? BlockOrder.fromRowMajor(problem, v) : v.clone();
    }

    /** The labels as the user's code expects them. */
    double[] userLabels() {
        int[] c = problem.labels();
        double[] y = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            y[i] = c[i] + firstLabel;
        }
        return y;
    }
}
