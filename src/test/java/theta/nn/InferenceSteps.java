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
import theta.math.ArgMax;
import theta.math.ByteRows;
import theta.math.Gemm;
import theta.math.MatrixView;
import theta.math.Precision;
import theta.math.ReluOutput;
import theta.math.SparseMatrix;
import theta.math.Threads;
import theta.math.Vec;

/**
 * Where inference time goes, step by step, at a given batch size (784-800-10 relu, float32, one
 * thread): the 10,000 test images cut into batches and each batch into parts as {@link
 * BlockForward} cuts them, every step of every part timed alone in thread CPU time, summed per
 * pass over the test set, in the order {@code order} gives: {@code phases} (every part's input,
 * then every part's product, then the layers above: the whole batch goes through memory between
 * the steps) or {@code parts} (each part through all steps before the next). Not a test: run by
 * hand after {@code mvn -q -B test-compile}: {@code java -cp
 * target/classes:target/test-classes:$(cat target/cp.txt) theta.nn.InferenceSteps [rounds [order
 * [batch...]]]}; prints medians over the rounds, in ms per 10,000 images. As inference now runs:
 * sparse parts indexed straight from the bytes ({@code -Dbytes=false}: converted to floats and
 * indexed from them) and the first layer's bias added in the fused pass ({@code -DbiasAbove=false}:
 * copied into Z1 first).
 */
public final class InferenceSteps {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] NAMES = {"fill", "bias", "index", "pairs", "layer1", "relu", "layer2", "argmax"};

    /** The output layer as inference runs it: ReLU and the product in one native pass (unless -Dfused=false). */
    private static final boolean FUSED = ReluOutput.available() && !"false".equals(System.getProperty("fused"));
    /** Sparse parts indexed straight from the bytes, not converted to floats (unless -Dbytes=false). */
    private static final boolean BYTES = !"false".equals(System.getProperty("bytes"));
    /** The first layer's bias added in the fused pass, not copied into Z1 (unless -DbiasAbove=false). */
    private static final boolean BIAS_ABOVE = FUSED && !"false".equals(System.getProperty("biasAbove"));

    private InferenceSteps() {}

    /** The network the inference harnesses time: 784-800-10 ReLU, softmax, products on BLAS. */
    static Network reluNetwork() {
        return new Network(new Architecture(784, new int[] {800}, 10), Activations.parse("relu"), Loss.SOFTMAX,
                Gemm.blas());
    }

    /** Its parameters in float32, drawn as training starts them (its activation's default, seed 1). */
    static Vec initialParameters(Network net) {
        Vec params = Precision.F32.zeros(net.layout().size());
        params.copyFrom(Initializer.parameters(net, net.activation().defaultInit(), 1));
        return params;
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        boolean phases = args.length <= 1 || args[1].equals("phases");
        int[] batches = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {128, 10000};
        Dataset test = Mnist.load(0, x -> {}).test();
        Network net = InferenceSteps.reluNetwork();
        Vec params = InferenceSteps.initialParameters(net);
        Threads.set(1);
        for (int batch : batches) {
            double[][] t = new double[NAMES.length][rounds];
            Workspace ws = net.workspace(Math.min(batch, test.size()), Precision.F32);
            for (int r = -2; r < rounds; r++) {
                double[] pass = pass(net, params, test, batch, phases, ws);
                for (int k = 0; r >= 0 && k < NAMES.length; k++) {
                    t[k][r] = pass[k];
                }
            }
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "batch %d (%s), ms per 10,000:", batch,
                    phases ? "phases" : "parts"));
            double sum = 0;
            for (int k = 0; k < NAMES.length; k++) {
                Arrays.sort(t[k]);
                b.append(String.format(Locale.ROOT, " %s %.1f", NAMES[k], t[k][rounds / 2]));
                sum += t[k][rounds / 2];
            }
            System.out.println(b.append(String.format(Locale.ROOT, " (sum %.1f)", sum)));
        }
        System.out.printf(Locale.ROOT, "load average %.2f%n", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }

    /** One pass over the test set; CPU ms per step. */
    private static double[] pass(Network net, Vec params, Dataset test, int batch, boolean phases, Workspace ws) {
        Inputs inputs = new Inputs(test.features());
        Layout layout = net.layout();
        Gemm blas = Gemm.blas();
        long[] ns = new long[NAMES.length];
        MatrixView w1 = MatrixView.of(params, layout.weights(1), 784, 800);
        MatrixView w2 = MatrixView.of(params, layout.weights(2), 800, 10);
        for (int from = 0; from < test.size(); from += batch) {
            int m = Math.min(batch, test.size() - from);
            int first = from;
            int parts = (m + BlockForward.PART_ROWS - 1) / BlockForward.PART_ROWS;
            SparseMatrix[] index = ws.partIndexes(parts);
            ByteRows bytes = (ByteRows) inputs.rows(test, null, first, ws.input);
            for (int step = 0; step < NAMES.length; step++) {
                for (int p = 0; p < parts; p++) {
                    int r0 = theta.math.Parallel.bound(m, parts, p, 1);
                    int r1 = theta.math.Parallel.bound(m, parts, p + 1, 1);
                    if (phases) {
                        ns[step] += step(step, net, params, ws, index[p], inputs, bytes, test, first, r0, r1, blas, w1, w2);
                    } else if (step == 0) {
                        for (int s = 0; s < NAMES.length; s++) {
                            ns[s] += step(s, net, params, ws, index[p], inputs, bytes, test, first, r0, r1, blas, w1, w2);
                        }
                    }
                }
            }
        }
        double[] ms = new double[NAMES.length];
        for (int k = 0; k < ms.length; k++) {
            ms[k] = ns[k] / 1e6 * 10000 / test.size();
        }
        return ms;
    }

    private static long step(int step, Network net, Vec params, Workspace ws, SparseMatrix index, Inputs inputs,
                             ByteRows bytes, Dataset test, int first, int r0, int r1, Gemm blas, MatrixView w1, MatrixView w2) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        switch (step) {
            case 0 -> {
                if (!BYTES) {
                    inputs.fillRows(test, null, first, r0, r1, ws.input);
                }
            }
            case 1 -> {
                if (!BIAS_ABOVE) {
                    ws.z[1].fillRows(params, net.layout().theta(1), r0, r1 - r0, 800);
                }
            }
            case 2 -> { // as BlockForward indexes a part
                MatrixView x = new MatrixView(ws.input, r0 * 784, r1 - r0, 784, 784);
                if (BYTES && index.indexBytes(bytes, r0, r1, 784)) {
                    if (index.density() > SparseMatrix.DENSITY_LIMIT) {
                        throw new IllegalStateException("a dense part: this tool times sparse ones only");
                    }
                } else if (r1 - r0 >= BlockForward.PAIRS_MIN_ROWS) {
                    index.indexPairs(x);
                } else {
                    index.index(x);
                }
            }
            case 3 -> { } // the pairs: built with the index, or for small parts by the product
            case 4 -> blas.sparse(false, index, 1, w1, BIAS_ABOVE ? 0 : 1,
                    new MatrixView(ws.z[1], r0 * 800, r1 - r0, 800, 800));
            case 5 -> {
                if (!FUSED) {
                    net.activation(params, 1).f(ws.z[1], ws.a[1], r0 * 800, r1 * 800);
                }
            }
            case 6 -> {
                if (FUSED) {
                    ReluOutput.apply(new MatrixView(ws.z[1], r0 * 800, r1 - r0, 800, 800), BIAS_ABOVE ? params : null,
                            net.layout().theta(1), w2, params,
                            net.layout().theta(2), new MatrixView(ws.z[2], r0 * 10, r1 - r0, 10, 10));
                    break;
                }
                ws.z[2].fillRows(params, net.layout().theta(2), r0, r1 - r0, 10);
                blas.gemm(1, new MatrixView(ws.a[1], r0 * 800, r1 - r0, 800, 800), false, w2, false, 1,
                        new MatrixView(ws.z[2], r0 * 10, r1 - r0, 10, 10));
            }
            default -> {
                Vec z = ws.z[2];
                int s = 0;
                for (int i = r0; i < r1; i++) {
                    int row = i;
                    s += ArgMax.of(10, c -> z.get(row * 10 + c));
                }
                if (s < 0) {
                    throw new IllegalStateException();
                }
            }
        }
        return THREADS.getCurrentThreadCpuTime() - t0;
    }
}
