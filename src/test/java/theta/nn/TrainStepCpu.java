package theta.nn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;
import theta.math.Precision;
import theta.math.Threads;
import theta.math.Vec;

/**
 * A training epoch's cost and gradient ({@link Network#cost}) on the 60,000 MNIST training images
 * (784-800-10 ReLU, float32, one thread, rows scattered as a shuffle would), the batch given two
 * ways, alternated epoch by epoch: written to floats first ({@link Inputs#fill}, then the cost
 * indexes the floats), or handed to the cost as the filler of {@link Inputs#rows} (over byte
 * images the cost indexes the bytes and never converts a sparse batch). Prints the thread's CPU
 * seconds per epoch of each way, which other processes on the cores change less than wall time,
 * and checks that both give the same cost. Not a test: it asserts nothing. Run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) theta.nn.TrainStepCpu
 * [BATCH [ROUNDS]]} (defaults 512 3).
 */
public final class TrainStepCpu {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private TrainStepCpu() {}

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Threads.set(1);
        Dataset train = MnistFixture.mnist().train();
        Network net = InferenceSteps.reluNetwork();
        Vec params = InferenceSteps.initialParameters(net);
        Vec grad = Precision.F32.zeros(net.layout().size());
        Workspace ws = net.workspace(batch, Precision.F32);
        Inputs inputs = new Inputs(784);
        int[] labels = new int[batch];
        int[] order = MnistFixture.scattered(train.size());
        int batches = train.size() / batch;
        StringBuilder out = new StringBuilder();
        for (int r = 0; r <= rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int way = (r + k) % 2; // each way first in every other round
                long t0 = MX.getCurrentThreadCpuTime();
                double sum = 0;
                for (int b = 0; b < batches; b++) {
                    Inputs.labels(train, order, b * batch, batch, labels);
                    if (way == 0) {
                        inputs.fill(train, order, b * batch, batch, ws.input());
                        sum += net.cost(params, labels, batch, 0, batch, grad, ws, Mode.train(new java.util.SplittableRandom(1), 0, 0));
                    } else {
                        sum += net.cost(params, labels, batch, 0, batch, grad, ws, Mode.train(new java.util.SplittableRandom(1), 0, 0),
                                inputs.rows(train, order, b * batch, ws.input()));
                    }
                }
                double sec = (MX.getCurrentThreadCpuTime() - t0) / 1e9;
                if (r > 0) { // round 0 warms up
                    out.append(String.format(Locale.ROOT, "round %d %-12s %.3f s CPU per epoch (cost sum %.6f)%n", r,
                            way == 0 ? "floats" : "from bytes", sec, sum));
                }
            }
        }
        System.out.print(out.append(String.format(Locale.ROOT, "batch %d, one thread, load average %.2f%n", batch,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
    }
}
