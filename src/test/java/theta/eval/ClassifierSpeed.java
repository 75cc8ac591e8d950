package theta.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import theta.math.Gemm;
import theta.math.Precision;
import theta.math.Threads;
import theta.nn.Model;

/**
 * Thread CPU time of one prediction as {@code theta serve} makes it (784-800-10 ReLU, BLAS, one
 * thread), float64 against float32, alternating, three rounds. Not a test: run it with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) theta.eval.ClassifierSpeed}
 * after {@code mvn dependency:build-classpath -Dmdep.outputFile=target/cp.txt}.
 */
public final class ClassifierSpeed {
    private ClassifierSpeed() {}

    public static void main(String[] args) {
        Model model = ClassifierTest.model("relu", theta.loss.Loss.SOFTMAX, 800, 1);
        float[] image = new float[784];
        for (int y = 5; y < 23; y++) {
            for (int x = 12; x < 16; x++) {
                image[y * 28 + x] = 1f;
            }
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        try (Threads.Scope one = Threads.use(1)) {
            for (int round = 0; round < 3; round++) {
                for (Precision p : new Precision[] {Precision.F64, Precision.F32}) {
                    Classifier c = new Classifier(model, Gemm.blas(), p);
                    for (int i = 0; i < 5000; i++) {
                        c.probabilities(image.clone());
                    }
                    int n = 20000;
                    long t0 = bean.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        c.probabilities(image.clone());
                    }
                    System.out.printf("%s %.1f us an image (thread CPU time)%n", p, (bean.getCurrentThreadCpuTime() - t0)
                            / 1e3 / n);
                }
            }
        }
    }
}
