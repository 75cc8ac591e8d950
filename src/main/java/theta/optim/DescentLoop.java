package theta.optim;

import java.util.Arrays;

import theta.math.DifferentiableFunction;
import theta.optim.Minimizer.Listener;
import theta.optim.Minimizer.Options;
import theta.optim.Minimizer.Result;
import theta.optim.Minimizer.StopReason;

/**
 * The loop both full-batch minimisers share: line search along a direction, move, ask for the
 * next direction. A direction that is not downhill is replaced by steepest descent. After a
 * failed line search the loop moves to the best point the search found (if it is lower),
 * restarts from steepest descent, and stops when the next search fails too (or when the failed
 * one was already a steepest-descent search that found nothing lower).
 */
final class DescentLoop {
    /** How a minimiser picks its search directions. */
    interface Directions {
        /** Forgets what was learned about the function (L-BFGS memory, CG direction). */
        void reset();

        /**
         * After an accepted step of length {@code alpha} along {@code d} from (x, g) to (xNew, gNew),
         * overwrites {@code d} with the next direction (at xNew) and returns the first trial step
         * for it. Must not keep references to the arrays.
         */
        double next(double[] x, double[] g, double[] xNew, double[] gNew, double[] d, double alpha);
    }

    private final DifferentiableFunction f;
    private final Directions dirs;
    private final LineSearch search;
    private int evaluations;
    private double[] x, g, xNew, gNew;
    private final double[] d;
    private double fx;
    private double step;            // first trial step of the next search
    private boolean steepest;       // d is the steepest-descent direction
    private boolean failed;         // the last search failed

    private DescentLoop(DifferentiableFunction f, double[] x0, LineSearch.Params params, Directions dirs) {
        int n = x0.length;
        this.f = f;
        this.dirs = dirs;
        this.search = new LineSearch(this::evaluate, n, params);
        x = x0.clone();
        g = new double[n];
        xNew = new double[n];
        gNew = new double[n];
        d = new double[n];
        fx = evaluate(x, g);
        if (!Double.isFinite(fx)) {
            throw new IllegalArgumentException("minimizer: the cost at the starting point is " + fx);
        }
        restart();
    }

    static Result run(DifferentiableFunction f, double[] x0, Options opts, Listener listener,
                      LineSearch.Params params, Directions dirs) {
        DescentLoop loop = new DescentLoop(f, x0, params, dirs);
        double[] history = {loop.fx};
        int k = 0;
        StopReason reason = StopReason.MAX_ITERATIONS;
        while (true) {
            if (Dense.normInf(loop.g) <= opts.gradientTolerance()) {
                reason = StopReason.CONVERGED;
                break;
            }
            if (k == opts.maxIterations()) {
                break;
            }
            k++;
            boolean stop = loop.iterate();
            history = append(history, k, loop.fx);
            listener.iteration(k, loop.fx);
            if (stop) {
                reason = StopReason.LINE_SEARCH_FAILED;
                break;
            }
        }
        return new Result(loop.x, loop.fx, k, loop.evaluations, Arrays.copyOf(history, k + 1), reason);
    }

    private double evaluate(double[] at, double[] grad) {
        evaluations++;
        return f.value(at, grad);
    }

    /** One line search and the move after it; returns true when the loop must stop. */
    private boolean iterate() {
        LineSearch.Outcome o = search.search(x, fx, d, Dense.dot(d, g), step, xNew, gNew);
        boolean moved = o.step() > 0;
        boolean stop = false;
        if (o.ok()) {
            step = dirs.next(x, g, xNew, gNew, d, o.step());
            failed = false;
        } else {
            stop = failed || (steepest && !moved);
            failed = true;
        }
        if (moved) {
            double[] t = x;
            x = xNew;
            xNew = t;
            t = g;
            g = gNew;
            gNew = t;
            fx = o.cost();
        }
        steepest = false;
        if (!o.ok() || !(Dense.dot(d, g) < 0)) {
            restart();
        }
        return stop;
    }

    /** Forgets the directions' memory and sets d = -g, with a first trial step that moves at most 1. */
    private void restart() {
        dirs.reset();
        for (int i = 0; i < g.length; i++) {
            d[i] = -g[i];
        }
        double norm = Dense.norm2(g);
        step = norm > 0 ? Math.min(1, 1 / norm) : 1;
        steepest = true;
    }

    private static double[] append(double[] a, int i, double v) {
        double[] b = i < a.length ? a : Arrays.copyOf(a, 2 * a.length);
        b[i] = v;
        return b;
    }
}
