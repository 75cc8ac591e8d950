package theta.activation;

/**
 * The error function and its complement in double precision, to within a few ulps (relative
 * error below 1e-15 for erf everywhere and for erfc until it underflows near x = 27.2).
 *
 * <p>Three regions, chosen so that no formula subtracts nearly equal numbers:
 * <ul>
 *   <li>|x| &lt; 0.5: the Maclaurin series erf(x) = 2/sqrt(pi) sum (-1)^n x^(2n+1) / (n! (2n+1));
 *       erfc = 1 - erf (erfc &gt; 0.47 there).</li>
 *   <li>0.5 &lt;= x &lt; 2.125: Taylor series of erfc about the nearest centre c in {0.5, 0.75, ..., 2}:
 *       erfc(c+t) = erfc(c) - 2/sqrt(pi) e^(-c^2) sum_{n>=0} (-1)^n H_n(c) t^(n+1) / (n+1)!,
 *       with H_n the Hermite polynomials (H_{n+1} = 2c H_n - 2n H_{n-1}) and |t| &lt;= 1/8.</li>
 *   <li>x &gt;= 2.125: Laplace's continued fraction in its even form,
 *       erfc(x) = 2x e^(-x^2)/sqrt(pi) / (2x^2+1 - 1*2/(2x^2+5 - 3*4/(2x^2+9 - ...))),
 *       evaluated bottom-up to a fixed depth (at most 27 terms).</li>
 * </ul>
 * Negative arguments use erf(-x) = -erf(x) and erfc(-x) = 2 - erfc(x). e^(-x^2) is computed as
 * e^(-h^2) e^(-(x-h)(x+h)) with h = x rounded to float, so that h^2 is exact and x^2's rounding
 * error (up to 700 eps near the underflow) does not reach the result.
 */
public final class Erf {
    private Erf() {}

    static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    /**
     * erfc(c) and 2/sqrt(pi) e^(-c^2) at the Taylor centres c = 0.5 + k/4, k = 0..6, rounded from
     * 40-digit values: {@code mpmath.mp.dps=40; float(mpmath.erfc(c)), float(2/sqrt(pi)*exp(-c*c))}.
     */
    private static final double[] ERFC_AT_CENTRE = {
        0.4795001221869535, 0.28884436634648486, 0.15729920705028513, 0.07709987174354177,
        0.033894853524689274, 0.013328328780817557, 0.004677734981047266,
    };
    private static final double[] SLOPE_AT_CENTRE = {
        0.8787825789354448, 0.6429310691952074, 0.4151074974205947, 0.2365211224472908,
        0.11893028922362937, 0.05277499593015037, 0.020666985354092053,
    };

    /** erf(x); odd, in [-1, 1]. */
    public static double erf(double x) {
        double a = Math.abs(x);
        if (a < 0.5) {
            return maclaurin(x);
        }
        double e = 1 - erfcPositive(a);
        return x < 0 ? -e : e;
    }

    /** erfc(x) = 1 - erf(x), accurate relative to itself also where it is tiny (x large). */
    public static double erfc(double x) {
        if (Math.abs(x) < 0.5) {
            return 1 - maclaurin(x);
        }
        return x > 0 ? erfcPositive(x) : 2 - erfcPositive(-x);
    }

    /** e^(-x^2 / 2^k) without the rounding error of forming x^2 (k = 0 or 1 in practice). */
    static double expMinusSquare(double x, int k) {
        double h = (float) x;
        double scale = Math.scalb(1.0, -k);
        return Math.exp(-h * h * scale) * Math.exp(-(x - h) * (x + h) * scale);
    }

    /** |x| < 0.5: 14 terms leave a remainder below 1e-19 relative. */
    private static double maclaurin(double x) {
        double x2 = x * x;
        double term = 1;
        double sum = 1;
        for (int n = 1; n <= 14; n++) {
            term *= -x2 / n;
            sum += term / (2 * n + 1);
        }
        return TWO_OVER_SQRT_PI * x * sum;
    }

    /** erfc(x) for x >= 0.5 (NaN propagates). */
    private static double erfcPositive(double x) {
        if (x < 2.125) {
            return taylorAboutCentre(x);
        }
        if (x > 27.3) {
            return 0; // erfc(27.3) < 1e-325: below the smallest subnormal
        }
        return continuedFraction(x);
    }

    private static double taylorAboutCentre(double x) {
        int k = (int) ((x - 0.375) * 4);
        double c = 0.5 + 0.25 * k;
        double t = x - c;
        // sum_{n>=0} (-1)^n H_n(c) t^(n+1)/(n+1)!; with |t| <= 1/8 and c <= 2, 14 terms already
        // reach 1 ulp; 16 leave a margin.
        double hPrev = 0;
        double h = 1;
        double power = t; // (-1)^n t^(n+1) / (n+1)!
        double sum = 0;
        for (int n = 0; n < 16; n++) {
            sum += h * power;
            double hNext = 2 * c * h - 2 * n * hPrev;
            hPrev = h;
            h = hNext;
            power *= -t / (n + 2);
        }
        return ERFC_AT_CENTRE[k] - SLOPE_AT_CENTRE[k] * sum;
    }

    /**
     * Evaluated bottom-up from a fixed depth, which is stable and cheaper than Lentz's method; a
     * depth of 50/x + 4 (27 terms at x = 2.125, 5 near the underflow) is converged to below 1 ulp.
     */
    private static double continuedFraction(double x) {
        double x2 = 2 * x * x;
        int depth = (int) (50 / x) + 4;
        double tail = x2 + 4 * depth + 1;
        for (int n = depth; n >= 1; n--) {
            tail = x2 + 4 * (n - 1) + 1 - (2.0 * n - 1) * (2.0 * n) / tail;
        }
        return TWO_OVER_SQRT_PI * x * expMinusSquare(x, 0) / tail;
    }
}
