package theta.math;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;

/**
 * The index by pairs of pixels of real MNIST training batches straight from their bytes ({@link
 * SparseMatrix#indexBytes}, float32, the default kernels) on one thread against split by parts of
 * rows between {@code THREADS} threads, for batches of 128, 256 and 512 rows scattered over the
 * training set as a shuffle would ({@code order[i] = i * 7919 % n}). Interleaved batch by batch,
 * each batch's first way alternating; per way the median wall time per batch, with the load
 * average before and after each batch size (the machine may be shared). Not a test: it asserts
 * nothing. Run with {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * theta.math.ByteIndexBench [THREADS [BATCHES [ROUNDS]]]} (defaults 2 100 10).
 */
public final class ByteIndexBench {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ByteIndexBench() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Threads.set(threads);
        Dataset train = MnistFixture.mnist().train();
        int n = train.size();
        int k = train.features();
        int[] order = MnistFixture.scattered(n);
        int v = SparseKernels.DEFAULT;
        System.out.printf(Locale.ROOT, "%d thread(s), %d batches x %d rounds, kernels %s%n", threads, batches, rounds,
                SparseKernels.name(v));
        System.out.println("batch  1 thread ms  split ms  split/1  load avg before, after");
        for (int m : new int[] {128, 256, 512}) {
            double load0 = OS.getSystemLoadAverage();
            Inputs inputs = new Inputs(k);
            Vec unused = Precision.F32.zeros(k); // the fillers are never run: only their bytes are read
            SparseMatrix[] index = {new SparseMatrix(Precision.F32), new SparseMatrix(Precision.F32)};
            double[][] wall = new double[2][batches * rounds];
            for (int round = -1; round < rounds; round++) { // round -1 warms up
                for (int b = 0; b < batches; b++) {
                    int from = (int) ((long) (Math.max(0, round) * batches + b) * m % (n - m));
                    ByteRows rows = (ByteRows) inputs.rows(train, order, from, unused);
                    for (int j = 0; j < 2; j++) {
                        int way = (b + j) % 2; // which way goes first alternates batch by batch
                        long t0 = System.nanoTime();
                        index[way].indexBytes(rows, 0, m, k, v, way == 0 ? 1 : threads);
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (round >= 0) {
                            wall[way][round * batches + b] = ms;
                        }
                    }
                }
            }
            double one = median(wall[0]);
            double split = median(wall[1]);
            System.out.printf(Locale.ROOT, "%5d %12.3f %9.3f %8.2f  %.2f, %.2f%n", m, one, split, split / one, load0,
                    OS.getSystemLoadAverage());
        }
    }

    private static double median(double[] t) {
        double[] c = t.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
