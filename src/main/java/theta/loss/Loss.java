package theta.loss;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import theta.math.StableMath;
import theta.math.Vec;

/**
 * An output layer and its loss, computed together from the logits z (the output layer's
 * pre-activations) so that no log is ever taken of a rounded probability.
 *
 * <p>Each method works on one example: K logits at {@code z[off..off+K)} and its class
 * {@code label}; the target is the one-hot vector y with y[label] = 1. Finite for any finite
 * logits (tested to |z| = 1e4).
 */
public enum Loss {
    /** Softmax output, categorical cross-entropy: L = logsumexp(z) - z[label]; dL/dz = softmax(z) - y. */
    SOFTMAX("softmax") {
        @Override
        public double loss(Vec z, int off, int k, int label, Vec dz, int dOff) {
            // With M = max z and S = sum exp(z - M): L = log S - (z[label] - M), softmax = exp(z - M) / S.
            double max = max(z, off, k);
            double sum = sumExp(z, off, k, max);
            if (dz != null) {
                for (int c = 0; c < k; c++) {
                    dz.set(dOff + c, Math.exp(z.get(off + c) - max) / sum - (c == label ? 1 : 0));
                }
            }
            return Math.log(sum) - (z.get(off + label) - max);
        }

        @Override
        public void probabilities(Vec z, int off, int k, double[] out) {
            double max = max(z, off, k);
            double sum = sumExp(z, off, k, max);
            for (int c = 0; c < k; c++) {
                out[c] = Math.exp(z.get(off + c) - max) / sum;
            }
        }
    },

    /**
     * Sigmoid outputs, binary cross-entropy summed over the K outputs:
     * L = sum_k max(z,0) - z*y + log1p(exp(-|z|)); dL/dz = sigmoid(z) - y.
     */
    SIGMOID("sigmoid") {
        @Override
        public double loss(Vec z, int off, int k, int label, Vec dz, int dOff) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double x = z.get(off + c);
                double y = c == label ? 1 : 0;
                sum += Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
                if (dz != null) {
                    dz.set(dOff + c, StableMath.sigmoid(x) - y);
                }
            }
            return sum;
        }

        @Override
        public void probabilities(Vec z, int off, int k, double[] out) {
            sigmoids(z, off, k, out);
        }
    },

    /**
     * Sigmoid outputs, squared error (LeCun et al. 1998's baseline):
     * L = 1/2 sum_k (sigmoid(z) - y)^2; dL/dz = (sigmoid(z) - y) sigmoid(z) (1 - sigmoid(z)).
     */
    SIGMOID_MSE("sigmoid_mse") {
        @Override
        public double loss(Vec z, int off, int k, int label, Vec dz, int dOff) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double s = StableMath.sigmoid(z.get(off + c));
                double e = s - (c == label ? 1 : 0);
                sum += 0.5 * e * e;
                if (dz != null) {
                    dz.set(dOff + c, e * s * (1 - s));
                }
            }
            return sum;
        }

        @Override
        public void probabilities(Vec z, int off, int k, double[] out) {
            sigmoids(z, off, k, out);
        }
    };

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    /** The CLI name: softmax, sigmoid or sigmoid_mse. */
    public String id() {
        return id;
    }

    /** Loss of one example; when {@code dz} is not null also writes dL/dz at {@code dz[dOff..dOff+K)}. */
    public abstract double loss(Vec z, int off, int k, int label, Vec dz, int dOff);

    /** The network's outputs for one example: softmax probabilities or element-wise sigmoids. */
    public abstract void probabilities(Vec z, int off, int k, double[] out);

    /** Parses softmax, sigmoid or sigmoid_mse (also: mse). */
    public static Loss parse(String s) {
        String key = s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (key.equals("mse")) {
            return SIGMOID_MSE;
        }
        for (Loss l : values()) {
            if (l.id.equals(key)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown output '" + s + "' (allowed: "
                + Arrays.stream(values()).map(Loss::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }

    private static double max(Vec z, int off, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, z.get(off + c));
        }
        return max;
    }

    /** sum_c exp(z_c - max): shifted by the maximum so no exp overflows, and >= 1. */
    private static double sumExp(Vec z, int off, int k, double max) {
        double s = 0;
        for (int c = 0; c < k; c++) {
            s += Math.exp(z.get(off + c) - max);
        }
        return s;
    }

    private static void sigmoids(Vec z, int off, int k, double[] out) {
        for (int c = 0; c < k; c++) {
            out[c] = StableMath.sigmoid(z.get(off + c));
        }
    }
}
