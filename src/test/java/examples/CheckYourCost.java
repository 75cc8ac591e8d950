package examples;

import java.util.Random;

import theta.api.Theta;
import theta.check.CheckReport;
import theta.math.DifferentiableFunction;

/**
 * Gradient-checks a cost of your own: regularised logistic regression on random data. Pass
 * "buggy" to drop the 1/m from the gradient and see the checker's diagnosis.
 */
public final class CheckYourCost {
    public static void main(String[] args) {
        boolean buggy = args.length > 0 && args[0].equals("buggy");
        int m = 20;
        int n = 4;
        double lambda = 1;
        Random rnd = new Random(1);
        double[][] x = new double[m][n];
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                x[i][j] = rnd.nextGaussian();
            }
            y[i] = rnd.nextBoolean() ? 1 : 0;
        }
        // J(w) = (1/m) sum log(1 + exp(-s_i w.x_i)) + lambda/(2m) |w|^2, s_i = +-1; it writes grad when asked.
        DifferentiableFunction cost = (w, grad) -> {
            double j = 0;
            if (grad != null) {
                java.util.Arrays.fill(grad, 0);
            }
            for (int i = 0; i < m; i++) {
                double z = 0;
                for (int k = 0; k < n; k++) {
                    z += w[k] * x[i][k];
                }
                double s = y[i] == 1 ? 1 : -1;
                j += Math.log1p(Math.exp(-s * z));
                if (grad != null) {
                    double d = -s / (1 + Math.exp(s * z));
                    for (int k = 0; k < n; k++) {
                        grad[k] += d * x[i][k] / (buggy ? 1 : m);
                    }
                }
            }
            double penalty = 0;
            for (int k = 0; k < n; k++) {
                penalty += w[k] * w[k];
                if (grad != null) {
                    grad[k] += lambda / m * w[k];
                }
            }
            return j / m + lambda / (2.0 * m) * penalty;
        };
        CheckReport r = Theta.check(cost, new double[] {0.1, -0.2, 0.3, 0.05});
        System.out.printf("passed: %s, norm(num-ana)/norm(num+ana) = %.2e%n", r.passed(), r.normRatio());
        r.diagnosis().forEach(d -> System.out.println("diagnosis: " + d));
    }
}
