package theta.diagnose.run;

import theta.activation.Activation;
import theta.check.DebugProblem;
import theta.loss.Loss;

/**
 * The problem a user's cost function is called at: a one-hidden-layer network's sizes, its
 * parameters in theta's layout (the exercise's {@code nn_params = [Theta1(:); Theta2(:)]},
 * column-major, bias in column 1), m examples and their classes 0..K-1, and lambda.
 *
 * @param features m x inputs, row-major
 * @param labels classes 0..K-1, one per example
 */
public record UserProblem(int inputs, int hidden, int classes, double[] params, double[] features, int[] labels,
        double lambda) {
    public UserProblem {
        if (inputs < 1 || hidden < 1 || classes < 2) {
            throw new IllegalArgumentException("sizes " + inputs + "-" + hidden + "-" + classes + " do not make a network");
        }
        long expected = (long) hidden * (inputs + 1) + (long) classes * (hidden + 1);
        if (params.length != expected) {
            throw new IllegalArgumentException("a " + inputs + "-" + hidden + "-" + classes + " network has " + expected
                    + " parameters, got " + params.length);
        }
        if (labels.length == 0 || features.length != (long) labels.length * inputs) {
            throw new IllegalArgumentException("expected " + labels.length + " x " + inputs + " features, got "
                    + features.length + " values");
        }
        for (int c : labels) {
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("class " + c + " outside 0.." + (classes - 1));
            }
        }
        params = params.clone();
        features = features.clone();
        labels = labels.clone();
    }

    /** The classic debug problem (3-5-3, m = 5, sin weights) as {@code theta gradcheck} builds it. */
    public static UserProblem debug(double lambda) {
        double[] p = DebugProblem.parameters(DebugProblem.network(sigmoidLike(), Loss.SOFTMAX));
        return new UserProblem(DebugProblem.INPUTS, DebugProblem.HIDDEN, DebugProblem.CLASSES, p,
                DebugProblem.features(), DebugProblem.labels(), lambda);
    }

    /** The debug weights do not depend on the activation as long as it has no learnable parameters. */
    private static Activation sigmoidLike() {
        return theta.activation.Activations.parse("sigmoid");
    }

    public int m() {
        return labels.length;
    }

    /** Length of Theta1(:), the first block of {@link #params}. */
    public int theta1Length() {
        return hidden * (inputs + 1);
    }

    @Override
    public double[] params() {
        return params.clone();
    }

    @Override
    public double[] features() {
        return features.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /**
     * The parameters with each block unrolled row by row (NumPy's default {@code reshape}), when
     * {@code rowMajor}; theta's column-major layout otherwise.
     */
    double[] params(boolean rowMajor) {
        return rowMajor ? reorder(params, true) : params.clone();
    }

    /** A vector in the order {@link #params(boolean)} gave, back in theta's layout. */
    double[] toThetaLayout(double[] v, boolean rowMajor) {
        return rowMajor ? reorder(v, false) : v.clone();
    }

    private double[] reorder(double[] v, boolean toRowMajor) {
        double[] out = new double[v.length];
        copyBlock(v, out, 0, hidden, inputs + 1, toRowMajor);
        copyBlock(v, out, theta1Length(), classes, hidden + 1, toRowMajor);
        return out;
    }

    private static void copyBlock(double[] src, double[] dst, int off, int rows, int cols, boolean toRowMajor) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int colMajor = off + j * rows + i;
                int rowMajor = off + i * cols + j;
                if (toRowMajor) {
                    dst[rowMajor] = src[colMajor];
                } else {
                    dst[colMajor] = src[rowMajor];
                }
            }
        }
    }
}
