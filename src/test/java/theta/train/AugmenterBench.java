package theta.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the cost of augmenting a 60,000-image epoch of 28x28 digits (the MNIST test images
 * repeated when data/mnist holds them, else synthetic digits), sequentially and with
 * {@link Augmenter#augmentBatch}, for each preset: wall-clock time (best of 3) and, for the
 * sequential loop, the thread's CPU time (mean of 3). Not a test: it asserts nothing. Run with
 * {@code java -cp target/classes:target/test-classes theta.train.AugmenterBench [images]}.
 */
public final class AugmenterBench {
    private static final int RUNS = 3;
    /** Thread CPU time is the per-image cost even when other processes share the cores. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AugmenterBench() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int n = 28 * 28;
        Path mnist = Path.of("data/mnist/t10k-images-idx3-ubyte");
        List<float[]> digits = Files.isReadable(mnist) ? TestImages.readIdxImages(mnist, 10_000) : TestImages.digits();
        System.out.println("images: " + (Files.isReadable(mnist) ? mnist + ", repeated" : "synthetic digits"));
        float[] src = new float[count * n];
        for (int k = 0; k < count; k++) {
            System.arraycopy(digits.get(k % digits.size()), 0, src, k * n, n);
        }
        float[] dst = new float[count * n];
        System.out.printf("%d images of 28x28, %d cores%n", count, Runtime.getRuntime().availableProcessors());
        for (String spec : new String[] {"none", "affine", "elastic"}) {
            long t0 = System.nanoTime();
            Augmenter aug = new Augmenter(AugmentConfig.parse(spec), 28, 28, 1);
            double buildMs = (System.nanoTime() - t0) / 1e6;
            for (int epoch = 0; epoch < 2; epoch++) { // warm-up: let the JIT compile both paths
                sequential(aug, src, dst, count, epoch);
                aug.augmentBatch(src, 0, dst, 0, count, epoch, 0);
            }
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            double seq = best(() -> sequential(aug, src, dst, count, 7));
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9 / RUNS;
            double par = best(() -> aug.augmentBatch(src, 0, dst, 0, count, 7, 0));
            System.out.printf("%-8s construct %6.1f ms | sequential %6.2f us/image wall, %6.2f us/image cpu"
                    + " (%5.0f ms/epoch) | parallel %6.2f us/image wall (%5.0f ms/epoch)%n",
                    spec, buildMs, seq * 1e6 / count, cpu * 1e6 / count, seq * 1e3, par * 1e6 / count, par * 1e3);
        }
    }

    private static void sequential(Augmenter aug, float[] src, float[] dst, int count, long epoch) {
        int n = aug.pixels();
        for (int k = 0; k < count; k++) {
            aug.augment(src, k * n, dst, k * n, epoch, k);
        }
    }

    /** Best of {@link #RUNS} runs, wall-clock seconds. */
    private static double best(Runnable r) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
