package theta.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import theta.activation.Activations;
import theta.loss.Loss;
import theta.math.Gemm;
import theta.math.Precision;
import theta.nn.Architecture;
import theta.nn.Initializer;
import theta.nn.Model;
import theta.nn.Network;

/** One image at a time, in float64 (the reference) and float32 (what the server uses). */
class ClassifierTest {
    static Model model(String activation, Loss loss, int hidden, long seed) {
        Network net = new Network(new Architecture(784, new int[] {hidden}, 10), Activations.parse(activation), loss);
        return new Model(net, Initializer.parameters(net, net.activation().defaultInit(), seed), 28, 28,
                new JsonObject());
    }

    /** Digit-like images: mostly zeros, some ink, one blank and one fully inked. */
    static float[][] images(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] out = new float[12][784];
        for (int i = 0; i < 10; i++) {
            for (int p = 0; p < 784; p++) {
                out[i][p] = r.nextInt(5) == 0 ? (float) r.nextDouble() : 0f;
            }
        }
        java.util.Arrays.fill(out[11], 1f);
        return out;
    }

    @Test
    void float32AgreesWithFloat64OnEveryPathOneImageAtATime() {
        for (Object[] c : new Object[][] {{"relu", Loss.SOFTMAX, 800}, {"tanh", Loss.SOFTMAX, 37},
                {"sigmoid", Loss.SIGMOID, 25}}) {
            Model m = model((String) c[0], (Loss) c[1], (Integer) c[2], 7);
            Classifier exact = new Classifier(m, Gemm.naive());
            Classifier blas64 = new Classifier(m, Gemm.blas(), Precision.F64);
            Classifier blas32 = new Classifier(m, Gemm.blas(), Precision.F32);
            for (float[] img : images(3)) {
                double[] want = exact.probabilities(img.clone());
                double[] got64 = blas64.probabilities(img.clone());
                double[] got32 = blas32.probabilities(img.clone());
                for (int k = 0; k < want.length; k++) {
                    assertEquals(want[k], got64[k], 1e-12, c[0] + " float64 class " + k);
                    assertEquals(want[k], got32[k], 1e-5, c[0] + " float32 class " + k);
                }
            }
        }
    }

    @Test
    void aWrongSizedInputIsRefused() {
        Classifier c = new Classifier(model("relu", Loss.SOFTMAX, 16, 1), Gemm.blas(), Precision.F32);
        assertThrows(IllegalArgumentException.class, () -> c.probabilities(new float[783]));
    }
}
