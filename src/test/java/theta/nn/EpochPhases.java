package theta.nn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.BitSet;
import java.util.Locale;

import theta.activation.Activation;
import theta.activation.Activations;
import theta.activation.Init;
import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;
import theta.loss.Loss;
import theta.math.Gemm;
import theta.math.Parallel;
import theta.math.Precision;
import theta.math.Threads;
import theta.math.Vec;
import theta.optim.Optimizer;
import theta.optim.Optimizers;

/**
 * Where an epoch's time goes: the steps of {@link Network#cost} with a gradient and of an SGD
 * momentum step, as the trainer runs them for 784-800-10 ReLU on the 60,000 MNIST training
 * images, float32, each step timed separately. With one thread (the default) the times are the
 * thread's CPU time, which other processes on the cores change less than wall time; with more,
 * wall time. Prints seconds per epoch by step, for the second and third epochs. Not a test: it
 * asserts nothing. Run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) theta.nn.EpochPhases [THREADS [BATCH]]}
 * (see the README's Speed section).
 */
public final class EpochPhases {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final String[] STEPS = {"bytes to floats", "bias copies", "index of nonzeros",
        "layer 1 forward", "ReLU", "layer 2 forward", "softmax loss, dZ2", "layer 2 weight gradient", "dA1 = dZ2 W2",
        "ReLU'", "layer 1 weight and bias gradient", "SGD momentum step"};

    private EpochPhases() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        Threads.set(threads);
        boolean cpu = threads == 1;
        Dataset train = MnistFixture.mnist().train();
        Network net = new Network(new Architecture(784, 800, 10), Activations.parse("relu"), Loss.SOFTMAX);
        Vec params = Precision.F32.zeros(net.layout().size());
        params.copyFrom(Initializer.parameters(net, Init.CLASSIC, 1));
        Vec grad = Precision.F32.zeros(net.layout().size());
        Workspace ws = net.workspace(batch, Precision.F32);
        LayerProducts products = new LayerProducts(Gemm.blas(), net.layout(), net.architecture(), InputProducts.AUTO);
        Optimizer opt = Optimizers.create("sgd:momentum=0.9", new BitSet());
        Inputs inputs = new Inputs(784);
        int[] labels = new int[batch];
        int[] order = MnistFixture.scattered(train.size());
        Activation g = net.activation();
        int batches = train.size() / batch;
        double perEpoch = (double) train.size() / (batches * batch);
        for (int epoch = 1; epoch <= 3; epoch++) {
            long[] t = new long[STEPS.length];
            for (int b = 0; b < batches; b++) {
                int m = batch;
                int k = 0;
                long c = now(cpu);
                inputs.fill(train, order, b * batch, m, ws.input());
                Inputs.labels(train, order, b * batch, m, labels);
                c = lap(t, k++, c, cpu);
                ws.z[1].fillRows(params, net.layout().theta(1), m, 800);
                ws.z[2].fillRows(params, net.layout().theta(2), m, 10);
                c = lap(t, k++, c, cpu);
                boolean sparse = products.sparseBatch(ws.input, m, ws.inputIndex());
                ws.sparseInput = sparse;
                c = lap(t, k++, c, cpu);
                products.forwardRows(1, params, ws.input, 0, m, ws.z[1], sparse ? ws.inputIndex() : null);
                c = lap(t, k++, c, cpu);
                Parallel.forRange(m, 20, 1, (r0, r1) -> g.f(ws.z[1], ws.a[1], r0 * 800, r1 * 800));
                c = lap(t, k++, c, cpu);
                products.forwardRows(2, params, ws.a[1], 0, m, ws.z[2], null);
                c = lap(t, k++, c, cpu);
                Vec dz2 = ws.dz()[2];
                for (int i = 0; i < m; i++) {
                    net.loss().loss(ws.z[2], i * 10, 10, labels[i], dz2, i * 10);
                }
                dz2.scale(1.0 / m, 0, m * 10);
                c = lap(t, k++, c, cpu);
                products.weightGradient(2, ws.a[1], dz2, m, grad, ws);
                c = lap(t, k++, c, cpu);
                products.inputGradient(2, params, dz2, m, ws.dz()[1]);
                c = lap(t, k++, c, cpu);
                Vec dz1 = ws.dz()[1];
                Parallel.forRange(m, 20, 1, (r0, r1) -> g.dfTimes(ws.z[1], ws.a[1], dz1, r0 * 800, r1 * 800));
                c = lap(t, k++, c, cpu);
                products.weightGradient(1, ws.input, dz1, m, grad, ws);
                c = lap(t, k++, c, cpu);
                opt.step(params, grad, 0.01);
                lap(t, k, c, cpu);
            }
            if (epoch == 1) {
                continue;
            }
            long total = 0;
            for (long x : t) {
                total += x;
            }
            System.out.printf(Locale.ROOT, "epoch %d, batch %d, %d thread(s), %s, s/epoch:%n", epoch, batch, threads,
                    cpu ? "thread CPU time" : "wall time");
            for (int i = 0; i < STEPS.length; i++) {
                System.out.printf(Locale.ROOT, "  %-34s %6.3f  %4.1f%%%n", STEPS[i], t[i] / 1e9 * perEpoch,
                        100.0 * t[i] / total);
            }
            System.out.printf(Locale.ROOT, "  %-34s %6.3f%n", "total", total / 1e9 * perEpoch);
        }
    }

    private static long now(boolean cpu) {
        return cpu ? MX.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static long lap(long[] t, int k, long c, boolean cpu) {
        long n = now(cpu);
        t[k] += n - c;
        return n;
    }
}
