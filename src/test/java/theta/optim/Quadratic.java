package theta.optim;

import theta.math.DifferentiableFunction;
import theta.math.Vec;

/** f(x) = sum a_i (x_i - c_i)^2 with varied curvatures; minimum 0 at x = c. */
final class Quadratic implements DifferentiableFunction {
    static final double[] A = {0.5, 1, 2, 4, 6, 8};
    static final double[] C = {1.5, -2, 0.25, 3, -0.75, 1};

    private final double[] a;
    private final double[] c;

    Quadratic(double[] a, double[] c) {
        this.a = a;
        this.c = c;
    }

    static Quadratic standard() {
        return new Quadratic(A, C);
    }

    /** n dimensions, curvatures spread over [0.5, 50]. */
    static Quadratic wide(int n) {
        double[] a = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 0.5 * Math.pow(100, (double) i / (n - 1));
            c[i] = Math.sin(i + 1) * 3;
        }
        return new Quadratic(a, c);
    }

    double[] minimum() {
        return c.clone();
    }

    int dim() {
        return a.length;
    }

    @Override
    public double value(double[] x, double[] grad) {
        double f = 0;
        for (int i = 0; i < a.length; i++) {
            double r = x[i] - c[i];
            f += a[i] * r * r;
            if (grad != null) {
                grad[i] = 2 * a[i] * r;
            }
        }
        return f;
    }

    /** grad = gradient at params, in the Vecs' own precisions. */
    void gradient(Vec params, Vec grad) {
        for (int i = 0; i < a.length; i++) {
            grad.set(i, 2 * a[i] * (params.get(i) - c[i]));
        }
    }

    /** max_i |x_i - c_i|. */
    double distance(Vec params) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(params.get(i) - c[i]));
        }
        return m;
    }
}
