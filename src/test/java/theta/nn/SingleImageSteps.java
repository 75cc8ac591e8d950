package theta.nn;

import java.util.Arrays;

import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.Mnist;
import theta.math.Gemm;
import theta.math.MatrixView;
import theta.math.Precision;
import theta.math.SparseMatrix;
import theta.math.Threads;
import theta.math.Vec;

/**
 * Where one image's time goes in {@link Network#classify} for m = 1 (784-800-10 relu, float32, two
 * threads): each step of {@link BlockForward} timed alone over 2,000 test images, medians in
 * microseconds, next to the whole call. Not a test (run by hand after {@code mvn -q -B
 * test-compile}: {@code java -cp target/classes:target/test-classes:<dependencies>
 * theta.nn.SingleImageSteps}); prints six rounds, the first ones still warming up.
 */
public final class SingleImageSteps {
    private SingleImageSteps() {}

    public static void main(String[] args) {
        Dataset test = Mnist.load(0, x -> {}).test();
        Network net = InferenceSteps.reluNetwork();
        Vec params = InferenceSteps.initialParameters(net);
        Workspace ws = net.workspace(1, Precision.F32);
        Inputs inputs = new Inputs(784);
        Layout layout = net.layout();
        SparseMatrix index = new SparseMatrix(Precision.F32);
        Gemm blas = Gemm.blas();
        int n = 2000;
        String[] names = {"fill", "bias", "index", "-", "pairs+kernel", "-", "relu+layer2", "argmax", "classify"};
        double[][] t = new double[names.length][n];
        try (Threads.Scope s = Threads.use(2)) {
            for (int rep = 0; rep < 6; rep++) {
                for (int i = 0; i < n; i++) {
                    int img = i;
                    long t0 = System.nanoTime();
                    inputs.fillRows(test, null, img, 0, 1, ws.input);
                    long t1 = System.nanoTime();
                    ws.z[1].fillRows(params, layout.theta(1), 0, 1, 800);
                    long t2 = System.nanoTime();
                    index.index(new MatrixView(ws.input, 0, 1, 784, 784));
                    long t3 = System.nanoTime();
                    long t4 = System.nanoTime();
                    blas.sparse(false, index, 1, MatrixView.of(params, layout.weights(1), 784, 800), 1,
                            new MatrixView(ws.z[1], 0, 1, 800, 800));
                    long t5 = System.nanoTime();
                    long t6 = System.nanoTime();
                    // one image: ReLU, then the output layer as a product (the fused pass is for 16+ rows)
                    net.activation(params, 1).f(ws.z[1], ws.a[1], 0, 800);
                    ws.z[2].fillRows(params, layout.theta(2), 0, 1, 10);
                    blas.gemm(1, new MatrixView(ws.a[1], 0, 1, 800, 800), false,
                            MatrixView.of(params, layout.weights(2), 800, 10), false, 1, new MatrixView(ws.z[2], 0, 1, 10, 10));
                    long t7 = System.nanoTime();
                    net.predicted(ws, 0);
                    long t8 = System.nanoTime();
                    net.classify(params, 1, ws, (r0, r1) -> inputs.fillRows(test, null, img, r0, r1, ws.input));
                    net.predicted(ws, 0);
                    long t9 = System.nanoTime();
                    long[] marks = {t0, t1, t2, t3, t4, t5, t6, t7, t8};
                    for (int k = 0; k < 8; k++) {
                        t[k][i] = (marks[k + 1] - marks[k]) / 1e3;
                    }
                    t[8][i] = (t9 - t8) / 1e3;
                }
                StringBuilder b = new StringBuilder("p50 us:");
                double sum = 0;
                for (int k = 0; k < names.length; k++) {
                    double[] c = t[k].clone();
                    Arrays.sort(c);
                    b.append(String.format(" %s %.1f", names[k], c[n / 2]));
                    sum += k < 8 ? c[n / 2] : 0;
                }
                System.out.println(b.append(String.format("  (steps %.1f)", sum)));
            }
        }
    }
}
