package theta.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import theta.activation.Activation;
import theta.activation.Activations;
import theta.loss.Loss;
import theta.math.Precision;
import theta.math.SplitMix64;
import theta.math.Threads;
import theta.math.Vec;

/**
 * A stochastic activation while training (RReLU's random slopes) draws by parts on all threads:
 * entry i gets what a SplittableRandom seeded with the i-th SplitMix64 output after the call's one
 * draw gives, on any number of threads.
 */
class StochasticActivationTest {
    @ParameterizedTest
    @CsvSource({"F64, 1", "F64, 2", "F64, 3", "F32, 2"})
    void eachEntryDrawsFromItsOwnIndexOnAnyThreads(Precision precision, int threads) {
        int m = 170; // 54 rows a part (Network.rowsPerPart): up to 3 parts
        int hidden = 300;
        Network net = new Network(new Architecture(5, hidden, 3), Activations.parse("rrelu"), Loss.SOFTMAX);
        Workspace ws = net.workspace(m, precision);
        SplittableRandom data = new SplittableRandom(11);
        for (int i = 0; i < m * 5; i++) {
            ws.input().set(i, data.nextDouble(-1, 1));
        }
        Vec params = precision.zeros(net.layout().size());
        for (int i = 0; i < params.length(); i++) {
            params.set(i, data.nextDouble(-1, 1));
        }
        long seed = 99;
        try (Threads.Scope t = Threads.use(threads)) {
            net.forward(params, m, ws, Mode.train(new SplittableRandom(seed), 0, 0));
        }
        Activation g = net.activation();
        long key = new SplittableRandom(seed).nextLong();
        int negative = 0;
        double lowest = 1;
        double highest = 0;
        for (int i = 0; i < m * hidden; i++) {
            double z = ws.z[1].get(i);
            double expected = g.fTrain(z, new SplittableRandom(SplitMix64.at(key, i)));
            double a = ws.a[1].get(i);
            assertEquals(precision.round(expected), a, 0, "entry " + i);
            if (z < 0) {
                negative++;
                lowest = Math.min(lowest, a / z);
                highest = Math.max(highest, a / z);
            }
        }
        // Slopes drawn in [1/8, 1/3] for the negative entries, spread over the range.
        assertTrue(negative > 1000, "negative entries: " + negative);
        assertTrue(lowest >= 0.124 && lowest < 0.14, "lowest slope " + lowest);
        assertTrue(highest <= 0.334 && highest > 0.32, "highest slope " + highest);
    }
}
