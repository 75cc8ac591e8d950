package theta.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import theta.activation.Activations;
import theta.loss.Loss;
import theta.math.Precision;
import theta.math.Threads;
import theta.math.Vec;

/**
 * Dropout's mask and product on a batch of hidden units, float32, the way theta makes it ({@link
 * Dropout#apply}: on all threads) against one nextDouble per entry in order on one thread (as it
 * was made before), alternated call by call; prints the median ms per batch of each and seconds
 * per epoch of 60,000 images. Not a test: it asserts nothing. Run with {@code java -cp
 * target/classes:target/test-classes:$(cat target/cp.txt) theta.nn.DropoutBench [BATCH [CALLS]]}
 * (defaults 128 and 400; all cores).
 */
public final class DropoutBench {
    private DropoutBench() {}

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int n = batch * 800;
        Network net = new Network(new Architecture(784, 800, 10), Activations.parse("relu"), Loss.SOFTMAX);
        Workspace ws = net.workspace(batch, Precision.F32);
        Vec x = Precision.F32.zeros(n);
        Vec mask = Precision.F32.zeros(n);
        Vec out = Precision.F32.zeros(n);
        SplittableRandom data = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            x.set(i, data.nextDouble());
        }
        double[] draws = new double[1024];
        double[][] ms = new double[2][calls];
        for (int c = -calls / 4; c < calls; c++) { // the first quarter warms up
            Mode mode = Mode.train(new SplittableRandom(c), 0, 0.3);
            long t0 = System.nanoTime();
            ws.dropped[1] = Dropout.apply(x, n, mode, 0.3, ws, 1);
            long t1 = System.nanoTime();
            for (int s = 0; s < n; s += draws.length) {
                int len = Math.min(draws.length, n - s);
                for (int i = 0; i < len; i++) {
                    draws[i] = mode.rng().nextDouble() < 0.7 ? 1 / 0.7 : 0;
                }
                mask.copyFrom(draws, 0, s, len);
            }
            out.setProduct(x, mask, 0, n);
            long t2 = System.nanoTime();
            if (c >= 0) {
                ms[0][c] = (t1 - t0) / 1e6;
                ms[1][c] = (t2 - t1) / 1e6;
            }
        }
        double perEpoch = 60_000.0 / batch / 1e3;
        System.out.printf(Locale.ROOT, "dropout 0.3 on %d x 800 float32, %d threads, %d calls each, alternated:%n",
                batch, Threads.get(), calls);
        String[] names = {"by parts on all threads (theta)", "one draw per entry in order"};
        for (int w = 0; w < 2; w++) {
            double[] t = ms[w].clone();
            Arrays.sort(t);
            System.out.printf(Locale.ROOT, "  %-34s %7.3f ms per batch, %6.3f s per epoch%n", names[w], t[calls / 2],
                    t[calls / 2] * perEpoch);
        }
    }
}
