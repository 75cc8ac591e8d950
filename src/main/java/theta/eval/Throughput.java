package theta.eval;

import java.util.Arrays;

import theta.data.Dataset;
import theta.data.Inputs;
import theta.math.Vec;
import theta.nn.Network;
import theta.nn.Workspace;

/**
 * Inference speed: how fast a network classifies a dataset at a given batch size, and how long
 * one image takes. What is timed is what a caller pays: the byte-to-number conversion of the
 * batch, the forward pass and the argmax.
 */
public final class Throughput {
    /**
     * @param batch examples per forward pass
     * @param seconds median time to classify the whole dataset once
     * @param correct examples classified correctly (a check that the work was done)
     */
    public record Pass(int batch, double seconds, int examples, int correct) {
        public double samplesPerSecond() {
            return examples / seconds;
        }
    }

    /** Per-image times of classifying images one at a time, in microseconds. */
    public record Latency(int images, double p50, double p99, double mean) {}

    private Throughput() {}

    /** Classifies all of {@code data} at {@code batch} examples per pass, {@code reps} times after one warm-up. */
    public static Pass classify(Network net, Vec params, Dataset data, int batch, int reps) {
        if (batch < 1 || reps < 1) {
            throw new IllegalArgumentException("throughput: batch and reps must be >= 1, got " + batch + ", " + reps);
        }
        Workspace ws = net.workspace(Math.min(batch, data.size()), params.precision());
        Inputs inputs = new Inputs(data.features());
        int[] predicted = new int[data.size()];
        double[] times = new double[reps];
        for (int r = -1; r < reps; r++) {
            long t0 = System.nanoTime();
            for (int from = 0; from < data.size(); from += batch) {
                int m = Math.min(batch, data.size() - from);
                net.classify(params, m, ws, inputs.rows(data, null, from, ws.input()));
                for (int i = 0; i < m; i++) {
                    predicted[from + i] = net.predicted(ws, i);
                }
            }
            if (r >= 0) {
                times[r] = (System.nanoTime() - t0) / 1e9;
            }
        }
        return new Pass(batch, median(times), data.size(), correct(data, predicted));
    }

    /** Classifies the first {@code count} images of {@code data} one by one, timing each. */
    public static Latency singleImages(Network net, Vec params, Dataset data, int count) {
        int n = Math.min(count, data.size());
        if (n < 1) {
            throw new IllegalArgumentException("latency: no images to classify");
        }
        Workspace ws = net.workspace(1, params.precision());
        Inputs inputs = new Inputs(data.features());
        double[] micros = new double[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            net.classify(params, 1, ws, inputs.rows(data, null, i, ws.input()));
            predicted[i] = net.predicted(ws, 0);
            micros[i] = (System.nanoTime() - t0) / 1e3;
        }
        double[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new Latency(n, quantile(sorted, 0.5), quantile(sorted, 0.99), Arrays.stream(micros).average().orElse(0));
    }

    private static int correct(Dataset data, int[] predicted) {
        int c = 0;
        for (int i = 0; i < predicted.length; i++) {
            c += predicted[i] == data.label(i) ? 1 : 0;
        }
        return c;
    }

    /** The median of {@code values} (not modified). */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return quantile(s, 0.5);
    }

    /** Linear-interpolated quantile q of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
