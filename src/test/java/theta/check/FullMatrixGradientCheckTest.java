package theta.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import theta.activation.Activations;
import theta.data.Dataset;
import theta.data.MnistFixture;
import theta.loss.Loss;

/**
 * What {@code theta gradcheck} runs with its defaults, in the test suite: every built-in
 * activation x output x lambda in {0, 3}, on the debug network (every parameter) and on an MNIST
 * mini-batch of 32 through 784-16-10 (12 sampled parameters per block), all below 1e-9.
 */
class FullMatrixGradientCheckTest {
    @Test
    void everyActivationOutputAndLambdaPasses() {
        Dataset train = MnistFixture.mnist().train();
        GradCheckSuite.Batch batch = new GradCheckSuite.Batch("MNIST train[0..32)", train.rowsAsDoubles(32),
                train.labels(), 32, train.classes());
        List<GradCheckSuite.Result> results = GradCheckSuite.all(Activations.builtins(), List.of(Loss.values()),
                new double[] {0, 3}, SimulatedBug.NONE, CheckOptions.defaults(), batch, 16,
                CheckOptions.defaults().withPerBlock(12), r -> { });
        assertEquals(Activations.builtins().size() * Loss.values().length * 2 * 2, results.size());
        String failed = results.stream().filter(r -> !r.report().passed())
                .map(r -> r.activation().spec() + "/" + r.loss() + "/" + r.lambda() + " on " + r.problem() + ": "
                        + r.report().normRatio())
                .collect(Collectors.joining("; "));
        assertTrue(failed.isEmpty(), failed);
    }
}
