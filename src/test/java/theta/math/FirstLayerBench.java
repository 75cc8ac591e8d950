package theta.math;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;

/**
 * The first layer's index and forward product of a training step, ways compared on real MNIST
 * batches (784 pixels, 800 hidden units, float32, rows scattered over the training set as a
 * shuffle would, each written again by parts of rows before each way, as the trainer fills a
 * batch): the index by pairs on one thread or on all, with or without the index by rows;
 * the forward product by examples (the index by rows) or by pairs in windows of rows (counted in
 * rows of 64 floats: AVX2's blocks of 32 floats take twice as many rows); and the
 * weight gradient. Interleaved batch by batch; per way, the median wall time and the mean process
 * CPU time (all threads, spinning included; the JVM reads it in steps of 10 ms, so only the mean
 * over many batches means something) per batch, and wall seconds per epoch of 50,000 images. Not a
 * test: it asserts nothing. Run with {@code java -cp target/classes:target/test-classes:$(cat
 * target/cp.txt) theta.math.FirstLayerBench [BATCH [THREADS [BATCHES [ROUNDS]]]]} (defaults 512 2 20 5).
 */
public final class FirstLayerBench {
    private static final int K = 784;
    private static final int N = 800;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** The weight gradient's windows, in rows of 64 floats (0: all rows at once). */
    private static final int[] GRADIENT_WINDOWS = {0, 128, 64, 32};

    private FirstLayerBench() {}

    public static void main(String[] args) {
        int m = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Threads.set(threads);
        Dataset train = MnistFixture.mnist().train();
        SplittableRandom rng = new SplittableRandom(1);
        Vec w = SparseProductTest.random(Precision.F32, K * N, rng);
        Vec dz = SparseProductTest.random(Precision.F32, m * N, rng);
        Vec z = Precision.F32.zeros(m * N);
        Vec dw = Precision.F32.zeros(K * N);
        Vec[] xs = new Vec[batches];
        int[] order = MnistFixture.scattered(train.size());
        for (int b = 0; b < batches; b++) {
            xs[b] = Precision.F32.zeros(m * K);
            new Inputs(K).fill(train, order, b * m, m, xs[b]);
        }
        Vec xw = Precision.F32.zeros(m * K);
        int v = SparseKernels.DEFAULT;
        SparseMatrix s = new SparseMatrix(Precision.F32);
        MatrixView wv = MatrixView.of(w, 0, K, N);
        MatrixView zv = MatrixView.of(z, 0, m, N);
        String[] names = {"index: pairs, 1 thread (+ by rows over 256 rows)", "index: pairs only, 1 thread",
            "index: pairs only, " + threads + " threads", "forward by examples (index by rows; pairs to 256 rows)",
            "forward by pairs, all rows", "forward by pairs, windows of 256 (x64 floats)",
            "forward by pairs, windows of 128 (x64 floats)", "forward by pairs, windows of 64 (x64 floats)",
            "weight gradient by pairs", "weight gradient, windows of 128 (x64 floats)",
            "weight gradient, windows of 64 (x64 floats)", "weight gradient, windows of 32 (x64 floats)"};
        int ways = names.length;
        double[][] wall = new double[ways][batches * rounds];
        double[][] cpu = new double[ways][batches * rounds];
        System.out.printf(Locale.ROOT, "batch %d, %d thread(s), %d batches x %d rounds, kernels %s; load average %.2f%n",
                m, threads, batches, rounds, SparseKernels.name(v), OS.getSystemLoadAverage());
        for (int round = -1; round < rounds; round++) { // round -1 warms up
            for (int b = 0; b < batches; b++) {
                Vec src = xs[b];
                MatrixView x = MatrixView.of(xw, 0, m, K);
                int i = Math.max(0, round) * batches + b;
                for (int way = 0; way < ways; way++) {
                    final int wy = way;
                    // The batch just written, by parts of rows on the threads, as Inputs.fill does it.
                    int parts = Parallel.parts(m, 32);
                    Parallel.run(parts, p -> {
                        int r0 = Parallel.bound(m, parts, p, 1);
                        xw.copyFrom(src, r0 * K, r0 * K, (Parallel.bound(m, parts, p + 1, 1) - r0) * K);
                    });
                    if (way == 3 && m > SparseMatrix.PAIR_ROWS) {
                        s.indexPairs(x, v, 1, true);
                    } else if (way == 4) {
                        s.indexPairs(x, v, threads, false);
                    }
                    long c0 = OS.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    switch (wy) {
                        case 0 -> s.indexPairs(x, v, 1, m > SparseMatrix.PAIR_ROWS);
                        case 1 -> s.indexPairs(x, v, 1, false);
                        case 2 -> s.indexPairs(x, v, threads, false);
                        case 3 -> Blas.INSTANCE.sparse(false, s, 1, wv, 1, zv, v, 0);
                        case 4 -> Blas.INSTANCE.sparse(false, s, 1, wv, 1, zv, v, 0);
                        case 5 -> Blas.INSTANCE.sparse(false, s, 1, wv, 1, zv, v, 256);
                        case 6 -> Blas.INSTANCE.sparse(false, s, 1, wv, 1, zv, v, 128);
                        case 7 -> Blas.INSTANCE.sparse(false, s, 1, wv, 1, zv, v, 64);
                        default -> Blas.INSTANCE.sparse(true, s, 1, MatrixView.of(dz, 0, m, N), 0,
                                MatrixView.of(dw, 0, K, N), v, 0, GRADIENT_WINDOWS[wy - 8]);
                    }
                    wall[way][i] = (System.nanoTime() - t0) / 1e6;
                    cpu[way][i] = (OS.getProcessCpuTime() - c0) / 1e6;
                }
            }
        }
        double perEpoch = 50_000.0 / m;
        System.out.println("way                                                 wall ms  CPU ms  wall s/epoch  min wall ms");
        for (int way = 0; way < ways; way++) {
            System.out.printf(Locale.ROOT, "%-50s %8.3f %7.3f %8.3f %12.3f%n", names[way], median(wall[way]), mean(cpu[way]),
                    median(wall[way]) * perEpoch / 1e3, Arrays.stream(wall[way]).min().orElse(0));
        }
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n", OS.getSystemLoadAverage());
    }

    private static double mean(double[] t) {
        return Arrays.stream(t).average().orElse(0);
    }

    private static double median(double[] t) {
        double[] c = t.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
