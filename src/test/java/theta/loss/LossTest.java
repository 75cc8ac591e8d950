package theta.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import theta.math.Precision;
import theta.math.Vec;

class LossTest {
    @Test
    void extremeLogitsGiveFiniteCostAndGradient() {
        double[][] cases = {{1e4, -1e4, 0}, {-1e4, -1e4, -1e4}, {1e4, 1e4, 1e4}, {-1e4, 1e4, 5}, {0, 0, 0}};
        for (Loss loss : Loss.values()) {
            for (double[] z : cases) {
                for (int label = 0; label < 3; label++) {
                    for (Precision p : Precision.values()) {
                        Vec zv = p.of(z);
                        Vec dz = p.zeros(3);
                        double l = loss.loss(zv, 0, 3, label, dz, 0);
                        assertTrue(Double.isFinite(l) && l >= 0, loss + " " + java.util.Arrays.toString(z) + " -> " + l);
                        for (int c = 0; c < 3; c++) {
                            assertTrue(Double.isFinite(dz.get(c)), loss + " dz");
                        }
                    }
                }
            }
        }
    }

    @Test
    void softmaxCrossEntropyIsExactForHugeMargins() {
        Vec z = Precision.F64.of(1e4, -1e4, 0);
        assertEquals(2e4, Loss.SOFTMAX.loss(z, 0, 3, 1, null, 0), 1e-9);
        assertEquals(0, Loss.SOFTMAX.loss(z, 0, 3, 0, null, 0), 1e-300);
        assertEquals(Math.log(3), Loss.SOFTMAX.loss(Precision.F64.of(7, 7, 7), 0, 3, 2, null, 0), 1e-15);
    }

    @Test
    void sigmoidCrossEntropyFromLogits() {
        // -log(sigmoid(-1e4)) = 1e4 for the true class; other outputs log(1+e^-1e4) ~ 0.
        Vec z = Precision.F64.of(-1e4, -1e4);
        assertEquals(1e4, Loss.SIGMOID.loss(z, 0, 2, 0, null, 0), 1e-9);
        // L(0) = 2 log 2 for two outputs at 0.
        assertEquals(2 * Math.log(2), Loss.SIGMOID.loss(Precision.F64.of(0, 0), 0, 2, 1, null, 0), 1e-15);
    }

    @Test
    void gradientsMatchCentralDifferences() {
        double[] z0 = {0.3, -1.2, 2.5, 0.0};
        for (Loss loss : Loss.values()) {
            Vec dz = Precision.F64.zeros(4);
            loss.loss(Precision.F64.of(z0), 0, 4, 2, dz, 0);
            for (int c = 0; c < 4; c++) {
                double[] zp = z0.clone();
                double[] zm = z0.clone();
                zp[c] += 1e-5;
                zm[c] -= 1e-5;
                double num = (loss.loss(Precision.F64.of(zp), 0, 4, 2, null, 0)
                        - loss.loss(Precision.F64.of(zm), 0, 4, 2, null, 0)) / 2e-5;
                assertEquals(num, dz.get(c), 1e-9, loss + " dz[" + c + "]");
            }
        }
    }

    @Test
    void probabilitiesSumToOneForSoftmax() {
        double[] p = new double[3];
        Loss.SOFTMAX.probabilities(Precision.F64.of(1e4, 1e4, -1e4), 0, 3, p);
        assertEquals(0.5, p[0], 1e-15);
        assertEquals(0.5, p[1], 1e-15);
        assertEquals(0, p[2]);
    }

    @Test
    void parseNamesAndErrors() {
        assertEquals(Loss.SIGMOID_MSE, Loss.parse("mse"));
        assertEquals(Loss.SOFTMAX, Loss.parse("Softmax"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Loss.parse("hinge"));
        assertTrue(e.getMessage().contains("allowed: softmax, sigmoid, sigmoid_mse"), e.getMessage());
    }
}
