package theta.train;

import theta.math.Vec;
import theta.nn.Layout;
import theta.nn.Network;

/**
 * Max-norm regularisation (Srivastava et al. 2014): after each update, every hidden unit whose
 * incoming weight vector is longer than c is scaled back to length c. Biases are not included.
 */
final class MaxNorm {
    private MaxNorm() {}

    static void apply(Network net, Vec params, double c) {
        if (c <= 0) {
            return;
        }
        Layout layout = net.layout();
        for (int l = 1; l < net.architecture().layers(); l++) {
            int in = net.architecture().units(l - 1);
            int out = net.architecture().units(l);
            int w = layout.weights(l);
            // Unit j's incoming weights are column j of the row-major in x out block W^T.
            double[] sq = new double[out];
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    double v = params.get(w + i * out + j);
                    sq[j] += v * v;
                }
            }
            double[] scale = new double[out];
            boolean any = false;
            for (int j = 0; j < out; j++) {
                double norm = Math.sqrt(sq[j]);
                scale[j] = norm > c ? c / norm : 1;
                any |= norm > c;
            }
            if (!any) {
                continue;
            }
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    int idx = w + i * out + j;
                    if (scale[j] != 1) {
                        params.set(idx, params.get(idx) * scale[j]);
                    }
                }
            }
        }
    }
}
