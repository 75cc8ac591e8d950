package theta.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import theta.activation.Activations;
import theta.data.Dataset;
import theta.data.Inputs;
import theta.data.MnistFixture;
import theta.loss.Loss;
import theta.math.Precision;
import theta.math.ReluOutput;
import theta.math.Threads;
import theta.math.Vec;
import theta.testing.Norms;

/**
 * Inference by parts of rows ({@link Network#classify}, and {@link Network#forward} in evaluation
 * mode) gives the logits of the whole-batch pass that training uses, on real MNIST and on odd
 * batch sizes, sparse and dense, one and two threads, one and two hidden layers, tanh and relu
 * (whose output layer is fused); and filling the input part by part gives the same batch as
 * filling it at once.
 */
class BlockForwardTest {
    @ParameterizedTest
    @CsvSource({
        "F64, AUTO, 130, 2, 1e-12", "F64, SPARSE, 17, 2, 1e-12", "F64, DENSE, 1, 2, 1e-12",
        "F32, AUTO, 130, 2, 1e-5", "F32, SPARSE, 33, 1, 1e-5", "F32, DENSE, 130, 2, 1e-5",
        "F64, AUTO, 64, 1, 1e-12"})
    void partsGiveTheWholeBatchLogits(Precision p, InputProducts products, int m, int threads, double tol) {
        Dataset test = MnistFixture.mnist().test();
        for (String g : new String[] {"tanh", "relu"}) { // relu: the fused output layer (ReluOutput)
            for (int[] hidden : new int[][] {{40}, {40, 24}}) {
                check(p, products, m, threads, tol, test, g, hidden);
            }
        }
    }

    private static void check(Precision p, InputProducts products, int m, int threads, double tol, Dataset test,
                          String g, int[] hidden) {
        Network net = new Network(new Architecture(784, hidden, 10), Activations.parse(g), Loss.SOFTMAX)
                .withInputProducts(products);
        assertEquals(g.equals("relu") && ReluOutput.available(), BlockForward.fusedRelu(net.activation()));
        Vec params = p.zeros(net.layout().size());
        params.copyFrom(Initializer.parameters(net, net.activation().defaultInit(), 11));
        Workspace whole = net.workspace(m, p);
        Workspace parts = net.workspace(m, p);
        Inputs inputs = new Inputs(784);
        try (Threads.Scope t = Threads.use(threads)) {
            inputs.fill(test, null, 300, m, whole.input());
            net.forward(params, m, whole, Mode.train(new SplittableRandom(1), 0, 0));
            net.classify(params, m, parts, (r0, r1) -> inputs.fillRows(test, null, 300, r0, r1, parts.input()));
        }
        assertArrayEquals(whole.input().toArray(), parts.input().toArray(), "input filled by parts");
        double[] a = whole.logits().toArray(0, m * 10);
        double[] b = parts.logits().toArray(0, m * 10);
        double rel = Norms.relativeDifference(a, b);
        assertTrue(rel <= tol, "logits: relative difference " + rel);
        net.forward(params, m, whole, Mode.eval()); // evaluation mode takes the same parts
        assertArrayEquals(b, whole.logits().toArray(0, m * 10), "forward in evaluation mode");
    }

    @ParameterizedTest
    @CsvSource({"F32", "F64"})
    void fillingByRowsEqualsFillingAtOnce(Precision p) {
        Dataset train = MnistFixture.mnist().train();
        int[] order = new SplittableRandom(4).ints(200, 0, train.size()).toArray();
        Inputs inputs = new Inputs(784);
        Vec once = p.zeros(150 * 784);
        Vec rows = p.zeros(150 * 784);
        inputs.fill(train, order, 37, 150, once);
        inputs.fillRows(train, order, 37, 0, 61, rows);
        inputs.fillRows(train, order, 37, 61, 150, rows);
        assertArrayEquals(once.toArray(), rows.toArray());
    }
}
