package theta.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in model whose answer is easy to check: class k (k < 3) gets the fraction of the ink
 * that lies in the k-th third of the rows (top, middle, bottom); classes 3..9 get 0.
 */
final class FakePredictor implements Predictor {
    @Override
    public double[] probabilities(float[] image784) {
        double[] p = new double[10];
        double total = 0;
        for (int i = 0; i < 784; i++) {
            int third = Math.min(2, (i / 28) * 3 / 28);
            p[third] += image784[i];
            total += image784[i];
        }
        for (int k = 0; k < 3; k++) {
            p[k] /= total;
        }
        return p;
    }

    @Override
    public int classes() {
        return 10;
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("model", "fake: ink per third of the rows");
        m.put("classes", "10");
        return m;
    }
}
