package theta.nn;

import theta.math.Vec;

/** Dropout while training, with its mask kept in the workspace for the backward pass. */
final class Dropout {
    private Dropout() {}

    /**
     * Inverted dropout of layer l's output x (l = 0: the inputs): mask = Bernoulli(keep) / keep,
     * out = x * mask, so that the expected value is unchanged and evaluation needs no rescaling.
     */
    static Vec apply(Vec x, int n, Mode mode, double p, Workspace ws, int l) {
        if (ws.mask[l] == null) {
            ws.mask[l] = ws.precision.zeros(x.length());
        }
        Vec out = l == 0 ? ws.inputDropped : ws.dropped[l];
        if (out == null) {
            out = ws.precision.zeros(x.length());
        }
        Vec mask = ws.mask[l];
        double keep = 1 - p;
        double[] draws = ws.draws;
        // One draw per entry, in index order, so that a seeded run repeats exactly.
        for (int s = 0; s < n; s += draws.length) {
            int len = Math.min(draws.length, n - s);
            for (int i = 0; i < len; i++) {
                draws[i] = mode.rng().nextDouble() < keep ? 1 / keep : 0;
            }
            mask.copyFrom(draws, 0, s, len);
        }
        out.setProduct(x, mask, 0, n);
        return out;
    }
}
