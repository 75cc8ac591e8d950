package theta.nn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.Mnist;
import theta.math.Precision;
import theta.math.Threads;
import theta.math.Vec;

/**
 * The lean inference path against the one before it, in one process, batch by batch alternated
 * (784-800-10 relu, float32, one thread, thread CPU time per 10,000 test images), so that other
 * processes on the cores slow both alike: "before" fills the batch with numbers and runs {@link
 * Network#forward} in evaluation mode (the first layer's bias copied into Z1, the index built from
 * the numbers, the product with beta 1: inference as it was before {@link Network#classify} went
 * lean), "lean" runs classify from the bytes ({@link Inputs#rows}). At batch 128 both take one
 * part; at larger batches "before" fills the whole batch first, which the old classify did part
 * by part, so only batches of up to 128 compare like for like. Not a test: run by hand after
 * {@code mvn -q -B test-compile}: {@code java -cp target/classes:target/test-classes:$(cat
 * target/cp.txt) theta.nn.LeanInferenceAB [rounds [batch]]}.
 */
public final class LeanInferenceAB {
    private LeanInferenceAB() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Dataset test = Mnist.load(0, x -> {}).test();
        Network net = InferenceSteps.reluNetwork();
        Vec params = InferenceSteps.initialParameters(net);
        Threads.set(1);
        Workspace before = net.workspace(batch, Precision.F32);
        Workspace lean = net.workspace(batch, Precision.F32);
        Inputs inputs = new Inputs(784);
        for (int round = 0; round < rounds; round++) {
            long[] ns = new long[2]; // before, lean
            int same = 0;
            for (int from = 0; from < test.size(); from += batch) {
                int m = Math.min(batch, test.size() - from);
                for (int k = 0; k < 2; k++) {
                    int which = (k + from / batch + round) % 2; // which goes first alternates
                    long t0 = threads.getCurrentThreadCpuTime();
                    if (which == 0) {
                        inputs.fill(test, null, from, m, before.input());
                        net.forward(params, m, before, Mode.eval());
                    } else {
                        net.classify(params, m, lean, inputs.rows(test, null, from, lean.input()));
                    }
                    ns[which] += threads.getCurrentThreadCpuTime() - t0;
                }
                for (int i = 0; i < m; i++) {
                    same += net.predicted(before, i) == net.predicted(lean, i) ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "round %d: before %.1f ms, lean %.1f ms per %d images, lean / before %.2f,"
                    + " same predictions %d, load average %.2f%n", round, ns[0] / 1e6, ns[1] / 1e6, test.size(),
                    (double) ns[1] / ns[0], same, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
