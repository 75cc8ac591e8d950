package theta.nn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import theta.activation.Activations;
import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.Mnist;
import theta.loss.Loss;
import theta.math.Gemm;
import theta.math.Precision;
import theta.math.Threads;
import theta.math.Vec;

/**
 * Inference on the 10,000 test images through {@link Network#classify} (784-800-10 relu, float32),
 * as {@code theta bench} times it (conversion, forward pass, argmax), on one thread: the thread's
 * CPU time per pass, which other processes on the cores change less than wall time (with more
 * threads, wall time). Uses the
 * public API only, so the same class runs against another build's classes (put them first on the
 * class path) for A/B comparisons. Not a test: run by hand after {@code mvn -q -B test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) theta.nn.InferenceCpu
 * [rounds [threads [batch...]]]}; prints, per batch size, the median and the lowest of the rounds.
 * The classify calls take {@code Inputs.rows} where the build has it, else a lambda over
 * {@code fillRows}, as {@code theta bench} does in each build.
 */
public final class InferenceCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private InferenceCpu() {}

    /**
     * Whether this build's {@link Inputs} has {@code rows} (the filler that lets inference index
     * straight from the bytes); builds before it had only {@code fillRows}, which the lambda
     * calls there.
     */
    private static boolean rowsOfBytes(Inputs inputs, Dataset test, Workspace ws) {
        try {
            return inputs.rows(test, null, 0, ws.input()) != null;
        } catch (LinkageError e) {
            return false;
        }
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int[] batches = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {128, 10000};
        Dataset test = Mnist.load(0, x -> {}).test();
        Network net = new Network(new Architecture(784, new int[] {800}, 10), Activations.parse("relu"), Loss.SOFTMAX,
                Gemm.blas());
        Vec params = Precision.F32.zeros(net.layout().size());
        params.copyFrom(Initializer.parameters(net, net.activation().defaultInit(), 1));
        Threads.set(threads);
        StringBuilder out = new StringBuilder();
        for (int batch : batches) {
            Workspace ws = net.workspace(Math.min(batch, test.size()), Precision.F32);
            Inputs inputs = new Inputs(test.features());
            boolean bytes = rowsOfBytes(inputs, test, ws);
            int[] predicted = new int[test.size()];
            double[] ms = new double[rounds];
            for (int r = -2; r < rounds; r++) {
                long t0 = threads == 1 ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
                for (int from = 0; from < test.size(); from += batch) {
                    int m = Math.min(batch, test.size() - from);
                    int first = from;
                    net.classify(params, m, ws, bytes ? inputs.rows(test, null, first, ws.input())
                            : (r0, r1) -> inputs.fillRows(test, null, first, r0, r1, ws.input()));
                    for (int i = 0; i < m; i++) {
                        predicted[from + i] = net.predicted(ws, i);
                    }
                }
                if (r >= 0) {
                    ms[r] = ((threads == 1 ? THREADS.getCurrentThreadCpuTime() : System.nanoTime()) - t0) / 1e6;
                }
            }
            long sum = Arrays.stream(predicted).asLongStream().sum();
            Arrays.sort(ms);
            out.append(String.format(Locale.ROOT, "batch %d: median %.1f ms, lowest %.1f ms per 10,000 images"
                    + " (%s; %.0f samples/s at the median; checksum %d)%n", batch,
                    ms[rounds / 2], ms[0], threads == 1 ? "one thread, CPU time" : threads + " threads, wall time", test.size() / ms[rounds / 2] * 1e3, sum));
        }
        System.out.print(out.append(String.format(Locale.ROOT, "load average %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
    }
}
