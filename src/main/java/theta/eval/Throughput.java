package theta.eval;

import java.util.Arrays;

import theta.data.Dataset;
import theta.data.Inputs;
import theta.math.Vec;
import theta.nn.Network;
import theta.nn.Workspace;

/**
 * Inference speed: how fast a network classifies a dataset at a given batch size, and how long
 * one image takes. What is timed is what a caller pays: reading the batch (its bytes indexed, or
 * converted to numbers where a part goes dense), the forward pass and the argmax.
 */
public final class Throughput {
    /**
     * @param batch examples per forward pass
     * @param seconds median time to classify the whole dataset once
     * @param correct examples classified correctly (a check that the work was done)
     * @param warmup the untimed passes before
     */
    public record Pass(int batch, double seconds, int examples, int correct, Warmup warmup) {
        public double samplesPerSecond() {
            return examples / seconds;
        }
    }

    /**
     * The untimed passes before the timed ones: how many, how long they took, and how long the
     * first took (the cold start: classes loaded, code interpreted, then compiled).
     */
    public record Warmup(int passes, double seconds, double firstSeconds) {}

    /**
     * Untimed passes at least: as many as the PyTorch reference ({@code ../shared/bench/torch_mlp.py})
     * gives itself.
     */
    static final int MIN_WARMUP = 2;
    /** Warm-up seconds at least. */
    static final double WARMUP_SECONDS = 1;
    /**
     * Passes in a row during which the JVM's own threads (the JIT compiler's, the collector's)
     * used less CPU than {@link #QUIET_SHARE} of the pass's time, that end the warm-up after that.
     */
    static final int QUIET_PASSES = 3;
    static final double QUIET_SHARE = 0.4;
    /** Warm-up seconds after which no further untimed pass starts, quiet or not. */
    static final double MAX_WARMUP_SECONDS = 5;

    /** Per-image times of classifying images one at a time, in microseconds. */
    public record Latency(int images, double p50, double p99, double mean) {}

    private Throughput() {}

    /**
     * Classifies all of {@code data} at {@code batch} examples per pass, {@code reps} timed times
     * after untimed warm-up passes: at least {@link #MIN_WARMUP} and {@link #WARMUP_SECONDS}, then
     * more until {@link #QUIET_PASSES} in a row were quiet (none started after {@link
     * #MAX_WARMUP_SECONDS}). The JIT compiler's threads share the cores with the passes, and code
     * compiled for batch 1 is compiled again when batch 128 takes other branches: with 2 threads
     * on 2 cores, batch-128 passes took 32-40 ms while the JVM's own threads were idle and 60-140
     * ms while they worked, which they did on and off for the first one to two seconds.
     */
    public static Pass classify(Network net, Vec params, Dataset data, int batch, int reps) {
        if (batch < 1 || reps < 1) {
            throw new IllegalArgumentException("throughput: batch and reps must be >= 1, got " + batch + ", " + reps);
        }
        Workspace ws = net.workspace(Math.min(batch, data.size()), params.precision());
        Inputs inputs = new Inputs(data.features());
        int[] predicted = new int[data.size()];
        double first = 0;
        double warm = 0;
        int warmups = 0;
        int quiet = 0;
        while (warmingUp(warmups, warm, quiet)) {
            double own = JvmCpu.seconds();
            double t = pass(net, params, data, batch, ws, inputs, predicted);
            own = JvmCpu.seconds() - own;
            first = warmups == 0 ? t : first;
            warm += t;
            warmups++;
            // Where the CPU times cannot be read (NaN), the warm-up ends by time alone.
            quiet = Double.isNaN(own) ? QUIET_PASSES : own < QUIET_SHARE * t ? quiet + 1 : 0;
        }
        double[] times = new double[reps];
        for (int r = 0; r < reps; r++) {
            times[r] = pass(net, params, data, batch, ws, inputs, predicted);
        }
        return new Pass(batch, median(times), data.size(), correct(data, predicted), new Warmup(warmups, warm, first));
    }

    /**
     * Whether another untimed pass starts after {@code passes} that took {@code seconds}, the last
     * {@code quiet} of them quiet.
     */
    static boolean warmingUp(int passes, double seconds, int quiet) {
        return passes < MIN_WARMUP || seconds < WARMUP_SECONDS || quiet < QUIET_PASSES && seconds < MAX_WARMUP_SECONDS;
    }

    /** One pass over {@code data}, its predictions into {@code predicted}; seconds. */
    private static double pass(Network net, Vec params, Dataset data, int batch, Workspace ws, Inputs inputs,
                               int[] predicted) {
        long t0 = System.nanoTime();
        for (int from = 0; from < data.size(); from += batch) {
            int m = Math.min(batch, data.size() - from);
            net.classify(params, m, ws, inputs.rows(data, null, from, ws.input()));
            for (int i = 0; i < m; i++) {
                predicted[from + i] = net.predicted(ws, i);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
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
