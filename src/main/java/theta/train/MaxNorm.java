package theta.train;

import theta.math.Parallel;
import theta.math.Vec;
import theta.nn.Layout;
import theta.nn.Network;

/**
 * Max-norm regularisation (Srivastava et al. 2014): after each update, every hidden unit whose
 * incoming weight vector is longer than c is scaled back to length c. Biases are not included.
 *
 * <p>Unit j's incoming weights are column j of the row-major in x out block W^T, so the norms
 * are column sums of squares; rows are shared out between threads, each with its own sums, and
 * the sums added in part order (the same thread count gives the same norms).
 */
final class MaxNorm {
    /** Rows per parallel part. */
    private static final int ROWS_PER_PART = 64;

    private final Network net;
    private final double c;
    /** Per hidden layer: one row of column sums per part, then the scale factors. */
    private final double[][][] sums;
    private final double[][] scale;

    MaxNorm(Network net, double c) {
        this.net = net;
        this.c = c;
        int layers = net.architecture().layers();
        sums = new double[layers][][];
        scale = new double[layers][];
        for (int l = 1; c > 0 && l < layers; l++) {
            int parts = Math.max(1, net.architecture().units(l - 1) / ROWS_PER_PART);
            sums[l] = new double[parts][net.architecture().units(l)];
            scale[l] = new double[net.architecture().units(l)];
        }
    }

    void apply(Vec params) {
        if (c <= 0) {
            return;
        }
        Layout layout = net.layout();
        for (int l = 1; l < net.architecture().layers(); l++) {
            int in = net.architecture().units(l - 1);
            int out = net.architecture().units(l);
            int w = layout.weights(l);
            double[][] partSums = sums[l];
            int parts = Math.min(partSums.length, Parallel.parts(in, ROWS_PER_PART));
            Parallel.run(parts, p -> {
                java.util.Arrays.fill(partSums[p], 0);
                int r0 = Parallel.bound(in, parts, p, 1);
                params.addColumnSquares(w + r0 * out, Parallel.bound(in, parts, p + 1, 1) - r0, out, partSums[p]);
            });
            double[] f = scale[l];
            boolean any = false;
            for (int j = 0; j < out; j++) {
                double sq = 0;
                for (int p = 0; p < parts; p++) {
                    sq += partSums[p][j];
                }
                double norm = Math.sqrt(sq);
                f[j] = norm > c ? c / norm : 1;
                any |= norm > c;
            }
            if (any) {
                Parallel.run(parts, p -> {
                    int r0 = Parallel.bound(in, parts, p, 1);
                    params.scaleColumns(w + r0 * out, Parallel.bound(in, parts, p + 1, 1) - r0, out, f);
                });
            }
        }
    }
}
