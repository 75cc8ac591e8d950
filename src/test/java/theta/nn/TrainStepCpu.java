package theta.nn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;
import theta.math.ByteRows;
import theta.math.MatrixView;
import theta.math.Precision;
import theta.math.SparseMatrix;
import theta.math.Threads;
import theta.math.Vec;

/**
 * A training batch read two ways, on the 50,000 MNIST training images (784-800-10 ReLU, float32,
 * one thread, rows scattered as a shuffle would), the ways taking turns batch by batch (each first
 * in every other batch, so that neither always finds the rows in cache): written to floats first
 * ({@link Inputs#fill}; the cost then indexes the floats), or handed to the cost as the filler of
 * {@link Inputs#rows} (over byte images the cost indexes the bytes and never converts a sparse
 * batch). Prints, per epoch and way, the thread's CPU seconds of the batch's reading and index
 * alone, and of reading plus the whole cost and gradient ({@link Network#cost}); CPU time, which
 * other processes on the cores change less than wall time. Checks that both ways give the same
 * cost. Not a test: it asserts nothing. Run with {@code java -cp
 * target/classes:target/test-classes:$(cat target/cp.txt) theta.nn.TrainStepCpu [BATCH [ROUNDS]]}
 * (defaults 512 3; one more round first warms up).
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
        SparseMatrix index = new SparseMatrix(Precision.F32);
        int[] labels = new int[batch];
        int[] order = MnistFixture.scattered(train.size());
        int batches = train.size() / batch;
        StringBuilder out = new StringBuilder();
        for (int r = 0; r <= rounds; r++) {
            long[] read = new long[2];
            long[] step = new long[2];
            double[] sum = new double[2];
            for (int b = 0; b < batches; b++) {
                int from = b * batch;
                Inputs.labels(train, order, from, batch, labels);
                for (int k = 0; k < 2; k++) {
                    int way = (b + k) % 2;
                    long t0 = MX.getCurrentThreadCpuTime();
                    if (way == 0) {
                        inputs.fill(train, order, from, batch, ws.input());
                        index.indexPairs(MatrixView.of(ws.input(), 0, batch, 784));
                    } else {
                        index.indexBytes((ByteRows) inputs.rows(train, order, from, ws.input()), 0, batch, 784);
                    }
                    long t1 = MX.getCurrentThreadCpuTime();
                    Mode mode = Mode.train(new SplittableRandom(1), 0, 0);
                    if (way == 0) {
                        inputs.fill(train, order, from, batch, ws.input());
                        sum[0] += net.cost(params, labels, batch, 0, batch, grad, ws, mode);
                    } else {
                        sum[1] += net.cost(params, labels, batch, 0, batch, grad, ws, mode,
                                inputs.rows(train, order, from, ws.input()));
                    }
                    read[way] += t1 - t0;
                    step[way] += MX.getCurrentThreadCpuTime() - t1;
                }
            }
            if (r > 0) { // round 0 warms up
                out.append(String.format(Locale.ROOT, "round %d: read and index %.1f ms (floats) / %.1f ms (bytes);"
                        + " read, cost and gradient %.3f s / %.3f s per epoch; cost sums %s%n", r, read[0] / 1e6,
                        read[1] / 1e6, step[0] / 1e9, step[1] / 1e9, sum[0] == sum[1] ? "equal" : "DIFFER"));
            }
        }
        System.out.print(out.append(String.format(Locale.ROOT, "batch %d, one thread, CPU time; load average %.2f%n",
                batch, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
    }
}
