package theta.optim;

import theta.math.DifferentiableFunction;

/**
 * A line search for a step a along a descent direction d from x that satisfies the strong
 * Wolfe(-Powell) conditions, with phi(a) = f(x + a d) and phi'(a) = grad f(x + a d) . d:
 * <pre>
 *   sufficient decrease:  phi(a) &lt;= phi(0) + c1 * a * phi'(0)
 *   curvature:            |phi'(a)| &lt;= c2 * |phi'(0)|
 * </pre>
 * Two phases. Extrapolation: while the trial point is acceptable but still descending, move to
 * the minimiser of the cubic through the last two points (values and slopes), kept within
 * [1.1, EXT] times the current step. Once an interval [lo, hi] is known to hold acceptable
 * points, interpolation ("zoom"): try the minimiser of the cubic through both ends, or of the
 * quadratic through phi(lo), phi'(lo), phi(hi) when the cubic has none, or the midpoint; kept at
 * least 10% of the interval away from its ends. {@code lo} is always the best point so far that
 * satisfies sufficient decrease. A non-finite cost counts as too far. The search gives up after
 * a fixed number of evaluations, or when the interval shrinks below rounding.
 */
final class LineSearch {
    /**
     * @param c1 sufficient-decrease constant, 0 &lt; c1 &lt; c2
     * @param c2 curvature constant, c2 &lt; 1
     * @param maxEvaluations evaluations per search
     * @param extrapolation EXT, the largest growth of the step per extrapolation
     */
    record Params(double c1, double c2, int maxEvaluations, double extrapolation) {
        Params {
            if (!(0 < c1 && c1 < c2 && c2 < 1) || maxEvaluations < 1 || !(extrapolation > 1.1)) {
                throw new IllegalArgumentException("line search: bad constants " + c1 + ", " + c2 + ", "
                        + maxEvaluations + ", " + extrapolation);
            }
        }
    }

    /** ok: Wolfe point found. step/cost: the best point (step 0 when none improved on x). */
    record Outcome(boolean ok, double step, double cost) {
    }

    /** Trial steps stay this fraction of the bracket away from its ends. */
    private static final double INTERIOR = 0.1;

    private final DifferentiableFunction f;
    private final Params p;
    private final double[] xTrial;
    private final double[] gTrial;

    // One search: start, the best point (lo), the other end (hi), the last trial.
    private double[] x;
    private double[] d;
    private double[] xBest;
    private double[] gBest;
    private double f0;
    private double slope0;
    private double aLo, fLo, dLo;
    private double aHi, fHi, dHi;
    private double fa, da;

    LineSearch(DifferentiableFunction f, int n, Params p) {
        this.f = f;
        this.p = p;
        this.xTrial = new double[n];
        this.gTrial = new double[n];
    }

    /**
     * Searches from x (cost fx) along d, whose slope {@code slope0 = grad.d} must be negative,
     * starting with step {@code a1}. The best point and its gradient are written to
     * {@code xBest}/{@code gBest} (untouched when the outcome's step is 0).
     */
    Outcome search(double[] x, double fx, double[] d, double slope0, double a1, double[] xBest, double[] gBest) {
        this.x = x;
        this.d = d;
        this.xBest = xBest;
        this.gBest = gBest;
        this.f0 = fx;
        this.slope0 = slope0;
        aLo = 0;
        fLo = fx;
        dLo = slope0;
        double a = a1 > 0 && Double.isFinite(a1) ? a1 : 1;
        boolean bracketed = false;
        for (int e = 0; e < p.maxEvaluations(); e++) {
            evaluate(a);
            if (curvatureHolds() && decreaseHolds(a) && fa < fLo) {
                setLo(a);
                return new Outcome(true, a, fa);
            }
            if (!decreaseHolds(a) || fa >= fLo) {
                setHi(a, fa, da);
                bracketed = true;
            } else {
                if (bracketed ? da * (aHi - aLo) >= 0 : da >= 0) {
                    setHi(aLo, fLo, dLo);
                    bracketed = true;
                }
                double prevA = aLo, prevF = fLo, prevD = dLo;
                setLo(a);
                if (!bracketed) {
                    a = extrapolate(prevA, prevF, prevD);
                    continue;
                }
            }
            if (Math.abs(aHi - aLo) <= 1e-15 * Math.max(aHi, aLo)) {
                break;
            }
            a = interpolate();
        }
        return new Outcome(false, aLo, fLo);
    }

    private void evaluate(double a) {
        for (int i = 0; i < xTrial.length; i++) {
            xTrial[i] = x[i] + a * d[i];
        }
        fa = f.value(xTrial, gTrial);
        da = Dense.dot(gTrial, d);
    }

    /** Written so that a NaN cost fails it. */
    private boolean decreaseHolds(double a) {
        return fa <= f0 + p.c1() * a * slope0;
    }

    private boolean curvatureHolds() {
        return Math.abs(da) <= -p.c2() * slope0;
    }

    private void setLo(double a) {
        aLo = a;
        fLo = fa;
        dLo = da;
        System.arraycopy(xTrial, 0, xBest, 0, xTrial.length);
        System.arraycopy(gTrial, 0, gBest, 0, gTrial.length);
    }

    private void setHi(double a, double fv, double dv) {
        aHi = a;
        fHi = fv;
        dHi = dv;
    }

    /** The next, longer step after lo (the current step, still descending) and the previous point. */
    private double extrapolate(double prevA, double prevF, double prevD) {
        double t = cubicMin(prevA, prevF, prevD, aLo, fLo, dLo);
        double max = p.extrapolation() * aLo;
        if (!(t > aLo) || t > max) {
            return max;
        }
        return Math.max(t, (1 + INTERIOR) * aLo);
    }

    /** A trial step inside (lo, hi), away from both ends. */
    private double interpolate() {
        double t = cubicMin(aLo, fLo, dLo, aHi, fHi, dHi);
        if (!Double.isFinite(t)) {
            t = quadraticMin(aLo, fLo, dLo, aHi, fHi);
        }
        if (!Double.isFinite(t)) {
            t = (aLo + aHi) / 2;
        }
        double w = Math.abs(aHi - aLo);
        double left = Math.min(aLo, aHi) + INTERIOR * w;
        double right = Math.max(aLo, aHi) - INTERIOR * w;
        return Math.min(Math.max(t, left), right);
    }

    /**
     * The minimiser of the cubic with values fa, fb and slopes da, db at a and b:
     * t = b - (b - a) (db + w - z) / (db - da + 2w), with z = da + db - 3 (fa - fb)/(a - b) and
     * w = sign(b - a) sqrt(z^2 - da db). NaN when the cubic has no minimiser.
     */
    static double cubicMin(double a, double fa, double da, double b, double fb, double db) {
        double z = da + db - 3 * (fa - fb) / (a - b);
        double disc = z * z - da * db;
        if (!(disc >= 0)) {
            return Double.NaN;
        }
        double w = Math.signum(b - a) * Math.sqrt(disc);
        return b - (b - a) * (db + w - z) / (db - da + 2 * w);
    }

    /** The minimiser of the parabola with value fa and slope da at a and value fb at b; NaN if it opens downward. */
    static double quadraticMin(double a, double fa, double da, double b, double fb) {
        double h = b - a;
        double curvature = 2 * (fb - fa - da * h);
        if (!(curvature > 0)) {
            return Double.NaN;
        }
        return a - da * h * h / curvature;
    }
}
