package theta.diagnose.run;

import theta.diagnose.DiagnosisProblem;

/**
 * theta's parameter layout unrolls each weight matrix column by column ({@code Theta1(:)}); NumPy's
 * {@code reshape} unrolls row by row. These convert a parameter-shaped vector between the two.
 */
final class BlockOrder {
    private BlockOrder() {}

    /** theta's layout to row-major blocks. */
    static double[] toRowMajor(DiagnosisProblem p, double[] v) {
        return reorder(p, v, true);
    }

    /** Row-major blocks to theta's layout. */
    static double[] fromRowMajor(DiagnosisProblem p, double[] v) {
        return reorder(p, v, false);
    }

    private static double[] reorder(DiagnosisProblem p, double[] v, boolean toRowMajor) {
        double[] out = new double[v.length];
        int theta1 = p.hidden() * (p.inputs() + 1);
        copyBlock(v, out, 0, p.hidden(), p.inputs() + 1, toRowMajor);
        copyBlock(v, out, theta1, p.classes(), p.hidden() + 1, toRowMajor);
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
