package theta.activation;

import java.util.List;
import java.util.Locale;

/** The remaining activations: identity, polynomial, periodic, bump, exponential and shrinkage curves. */
enum Curve implements Formula {
    /** x; g' = 1. */
    IDENTITY {
        @Override public double f(double x, double[] p) {
            return x;
        }

        @Override public double df(double x, double y, double[] p) {
            return 1;
        }
    },
    /** x^3; g' = 3x^2. Finite for |x| &lt; 5.6e102 (1e12 at |x| = 1e4). */
    CUBE {
        @Override public double f(double x, double[] p) {
            return x * x * x;
        }

        @Override public double df(double x, double y, double[] p) {
            return 3 * x * x;
        }

        @Override public double learningRateScale(double[] p) {
            return 0.1;
        }
    },
    /** sin x; g' = cos x. */
    SINE {
        @Override public double f(double x, double[] p) {
            return Math.sin(x);
        }

        @Override public double df(double x, double y, double[] p) {
            return Math.cos(x);
        }

        @Override public double learningRateScale(double[] p) {
            return 0.5;
        }
    },
    /** e^(-x^2); g' = -2x e^(-x^2). */
    GAUSSIAN {
        @Override public double f(double x, double[] p) {
            return Erf.expMinusSquare(x, 0);
        }

        @Override public double df(double x, double y, double[] p) {
            return -2 * x * y;
        }

        @Override public double learningRateScale(double[] p) {
            return 0.5;
        }
    },
    /**
     * e^x; g' = e^x. Overflows for x &gt; ln(Double.MAX_VALUE) = 709.78...: g and g' are +Infinity
     * there (maxFiniteInput = 709.78).
     */
    EXPONENTIAL {
        @Override public double f(double x, double[] p) {
            return Math.exp(x);
        }

        @Override public double df(double x, double y, double[] p) {
            return y;
        }

        @Override public double maxFiniteInput(double[] p) {
            return 709.78;
        }

        @Override public double learningRateScale(double[] p) {
            return 0.1;
        }
    },
    /**
     * Bent identity (sqrt(x^2 + 1) - 1)/2 + x, written x^2 / (2 (sqrt(x^2 + 1) + 1)) + x to avoid
     * cancellation near 0; g' = x / (2 sqrt(x^2 + 1)) + 1.
     */
    BENT_IDENTITY {
        @Override public double f(double x, double[] p) {
            return x * x / (2 * (Math.sqrt(x * x + 1) + 1)) + x;
        }

        @Override public double df(double x, double y, double[] p) {
            return x / (2 * Math.sqrt(x * x + 1)) + 1;
        }

        @Override public double learningRateScale(double[] p) {
            return 0.3;
        }
    },
    /** Snake: x + sin^2(a x) / a; g' = 1 + sin(2 a x). */
    SNAKE(Param.positive("a", 1)) {
        @Override public double f(double x, double[] p) {
            double s = Math.sin(p[0] * x);
            return x + s * s / p[0];
        }

        @Override public double df(double x, double y, double[] p) {
            return 1 + Math.sin(2 * p[0] * x);
        }

        @Override public double learningRateScale(double[] p) {
            return 0.5;
        }
    },
    /**
     * x - tanh x; g' = tanh^2 x. For |x| &lt; 1/4 the Taylor series (below), since x - tanh x
     * cancels there; relative error below 1e-14 everywhere.
     */
    TANHSHRINK {
        @Override public double f(double x, double[] p) {
            if (Math.abs(x) >= 0.25) {
                return x - Math.tanh(x);
            }
            double z = x * x;
            double sum = 0;
            for (int k = TANHSHRINK_SERIES.length - 1; k >= 0; k--) {
                sum = sum * z + TANHSHRINK_SERIES[k];
            }
            return x * z * sum;
        }

        @Override public double df(double x, double y, double[] p) {
            double t = Math.tanh(x);
            return t * t;
        }
    },
    /** x - lambda above lambda, x + lambda below -lambda, 0 between. Kinks +-lambda, g' = 0 there. */
    SOFTSHRINK(Param.positive("lambda", 0.5)) {
        @Override public double f(double x, double[] p) {
            return x > p[0] ? x - p[0] : x < -p[0] ? x + p[0] : 0;
        }

        @Override public double df(double x, double y, double[] p) {
            return x > p[0] || x < -p[0] ? 1 : 0;
        }

        @Override public double[] kinks(double[] p) {
            return new double[] {-p[0], p[0]};
        }

        @Override public double learningRateScale(double[] p) {
            return 0.5;
        }
    },
    /** x where |x| &gt; lambda, else 0. g jumps at the kinks +-lambda; g' = 0 there. */
    HARDSHRINK(Param.positive("lambda", 0.5)) {
        @Override public double f(double x, double[] p) {
            return x > p[0] || x < -p[0] ? x : 0;
        }

        @Override public double df(double x, double y, double[] p) {
            return x > p[0] || x < -p[0] ? 1 : 0;
        }

        @Override public double[] kinks(double[] p) {
            return new double[] {-p[0], p[0]};
        }
    };

    /**
     * x - tanh x = x^3 (c0 + c1 x^2 + c2 x^4 + ...): the tanh Maclaurin coefficients from x^3 on,
     * negated. For |x| &lt; 1/4 the omitted terms are below 5e-15 relative.
     */
    private static final double[] TANHSHRINK_SERIES = {
        1.0 / 3, -2.0 / 15, 17.0 / 315, -62.0 / 2835, 1382.0 / 155925, -21844.0 / 6081075,
        929569.0 / 638512875, -6404582.0 / 10854718875.0, 443861162.0 / 1856156927625.0,
        -18888466084.0 / 194896477400625.0,
    };

    private final List<Param> params;

    Curve(Param... params) {
        this.params = List.of(params);
    }

    @Override public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override public List<Param> params() {
        return params;
    }
}
