package theta.optim;

import theta.math.DifferentiableFunction;

/**
 * Limited-memory BFGS: the direction is d = -H g, where H approximates the inverse Hessian from
 * the last m steps s = x_new - x and gradient changes y = g_new - g (the two-loop recursion, with
 * H0 = (s.y / y.y) I from the newest pair). Steps come from a strong-Wolfe line search
 * (c1 = 1e-4, c2 = 0.9, at most 20 evaluations), which keeps s.y &gt; 0 so H stays positive
 * definite; a pair with s.y &lt;= 0 is skipped anyway. The first trial step is 1 once H has a pair.
 */
public final class Lbfgs implements Minimizer {
    public static final int DEFAULT_HISTORY = 10;
    static final LineSearch.Params LINE_SEARCH = new LineSearch.Params(1e-4, 0.9, 20, 4);

    private final int history;

    public Lbfgs() {
        this(DEFAULT_HISTORY);
    }

    /** @param history m, the number of (s, y) pairs kept, &gt;= 1 */
    public Lbfgs(int history) {
        if (history < 1) {
            throw new IllegalArgumentException("lbfgs: history " + history + " is out of range; allowed >= 1");
        }
        this.history = history;
    }

    public int history() {
        return history;
    }

    @Override
    public Result minimize(DifferentiableFunction f, double[] x0, Options opts, Listener listener) {
        return DescentLoop.run(f, x0, opts, listener, LINE_SEARCH, new Memory(history, x0.length));
    }

    /** The last m (s, y) pairs in a ring, newest at {@code (head + count - 1) % m}. */
    private static final class Memory implements DescentLoop.Directions {
        private final double[][] s;
        private final double[][] y;
        private final double[] rho;
        private final double[] alpha;
        private int head;
        private int count;

        Memory(int m, int n) {
            s = new double[m][n];
            y = new double[m][n];
            rho = new double[m];
            alpha = new double[m];
        }

        @Override
        public void reset() {
            count = 0;
            head = 0;
        }

        @Override
        public double next(double[] x, double[] g, double[] xNew, double[] gNew, double[] d, double a) {
            push(x, g, xNew, gNew);
            twoLoop(gNew, d);
            return 1;
        }

        private void push(double[] x, double[] g, double[] xNew, double[] gNew) {
            int slot = (head + count) % s.length;
            double sy = 0;
            for (int i = 0; i < x.length; i++) {
                s[slot][i] = xNew[i] - x[i];
                y[slot][i] = gNew[i] - g[i];
                sy += s[slot][i] * y[slot][i];
            }
            if (!(sy > 0)) {
                return;
            }
            rho[slot] = 1 / sy;
            if (count < s.length) {
                count++;
            } else {
                head = (head + 1) % s.length;
            }
        }

        /** d = -H g. */
        private void twoLoop(double[] g, double[] d) {
            for (int i = 0; i < g.length; i++) {
                d[i] = -g[i];
            }
            if (count == 0) {
                return;
            }
            for (int j = count - 1; j >= 0; j--) {
                int k = (head + j) % s.length;
                alpha[k] = rho[k] * Dense.dot(s[k], d);
                axpy(-alpha[k], y[k], d);
            }
            int newest = (head + count - 1) % s.length;
            double gamma = 1 / (rho[newest] * Dense.dot(y[newest], y[newest]));
            for (int i = 0; i < d.length; i++) {
                d[i] *= gamma;
            }
            for (int j = 0; j < count; j++) {
                int k = (head + j) % s.length;
                double beta = rho[k] * Dense.dot(y[k], d);
                axpy(alpha[k] - beta, s[k], d);
            }
        }

        private static void axpy(double a, double[] x, double[] y) {
            for (int i = 0; i < x.length; i++) {
                y[i] += a * x[i];
            }
        }
    }
}
