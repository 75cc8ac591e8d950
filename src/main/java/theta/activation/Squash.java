package theta.activation;

import java.util.List;
import java.util.Locale;

import theta.math.StableMath;

/** Bounded, S-shaped activations. Each constant gives g and g' side by side. */
enum Squash implements Formula {
    /** sigma(x) = 1/(1+e^-x); sigma' = sigma(x) sigma(-x). */
    SIGMOID {
        @Override public double f(double x, double[] p) {
            return StableMath.sigmoid(x);
        }

        @Override public double df(double x, double y, double[] p) {
            return StableMath.sigmoidSlope(x);
        }
    },
    /** tanh x; tanh' = sech^2 x. */
    TANH {
        @Override public double f(double x, double[] p) {
            return Math.tanh(x);
        }

        @Override public double df(double x, double y, double[] p) {
            return StableMath.sech2(x);
        }
    },
    /** LeCun's scaled tanh, 1.7159 tanh(2x/3), so that g(+-1) is about +-1. */
    LECUN_TANH {
        @Override public double f(double x, double[] p) {
            return LECUN_A * Math.tanh(2 * x / 3);
        }

        @Override public double df(double x, double y, double[] p) {
            return LECUN_A * 2 / 3 * StableMath.sech2(2 * x / 3);
        }
    },
    /** (1 - e^-x)/(1 + e^-x) = 2 sigma(x) - 1 = tanh(x/2); g' = sech^2(x/2)/2. */
    BIPOLAR_SIGMOID {
        @Override public double f(double x, double[] p) {
            return Math.tanh(x / 2);
        }

        @Override public double df(double x, double y, double[] p) {
            return StableMath.sech2(x / 2) / 2;
        }
    },
    /**
     * A rational tanh: x (27 + x^2) / (27 + 9 x^2) on [-3, 3], +-1 outside. The rational function
     * reaches +-1 with zero slope at +-3, so g' = (9 - x^2)^2 / (9 (3 + x^2)^2) is continuous (no
     * kinks). Agrees with tanh to 0.025 and has the same slope 1 at 0.
     */
    RATIONAL_TANH {
        @Override public double f(double x, double[] p) {
            if (Math.abs(x) >= 3) {
                return Math.signum(x);
            }
            double x2 = x * x;
            return x * (27 + x2) / (27 + 9 * x2);
        }

        @Override public double df(double x, double y, double[] p) {
            if (Math.abs(x) >= 3) {
                return 0;
            }
            double u = 9 - x * x;
            double v = 3 + x * x;
            return u * u / (9 * v * v);
        }
    },
    /** x / (1 + |x|); g' = 1 / (1 + |x|)^2. */
    SOFTSIGN {
        @Override public double f(double x, double[] p) {
            return x / (1 + Math.abs(x));
        }

        @Override public double df(double x, double y, double[] p) {
            double d = 1 + Math.abs(x);
            return 1 / (d * d);
        }
    },
    /**
     * Elliott's sigmoid, softsign moved to (0, 1): 0.5 x / (1 + |x|) + 0.5, written 0.5 / (1 - x)
     * for x &lt; 0 to avoid cancellation; g' = 0.5 / (1 + |x|)^2.
     */
    ELLIOTT {
        @Override public double f(double x, double[] p) {
            return x < 0 ? 0.5 / (1 - x) : 0.5 * x / (1 + x) + 0.5;
        }

        @Override public double df(double x, double y, double[] p) {
            double d = 1 + Math.abs(x);
            return 0.5 / (d * d);
        }
    },
    /** atan x; g' = 1 / (1 + x^2). */
    ARCTAN {
        @Override public double f(double x, double[] p) {
            return Math.atan(x);
        }

        @Override public double df(double x, double y, double[] p) {
            return 1 / (1 + x * x);
        }
    },
    /** Inverse square root unit x / sqrt(1 + alpha x^2); g' = (1 / sqrt(1 + alpha x^2))^3. */
    ISRU(Param.nonNegative("alpha", 1)) {
        @Override public double f(double x, double[] p) {
            return x / Math.sqrt(1 + p[0] * x * x);
        }

        @Override public double df(double x, double y, double[] p) {
            double r = 1 / Math.sqrt(1 + p[0] * x * x);
            return r * r * r;
        }
    },
    /**
     * Square nonlinearity: x - x|x|/4 on [-2, 2], +-1 outside; g' = 1 - |x|/2 there, 0 outside.
     * g' is continuous (it is 0 at +-2), so no kinks.
     */
    SQNL {
        @Override public double f(double x, double[] p) {
            return Math.abs(x) >= 2 ? Math.signum(x) : x - x * Math.abs(x) / 4;
        }

        @Override public double df(double x, double y, double[] p) {
            return Math.abs(x) >= 2 ? 0 : 1 - Math.abs(x) / 2;
        }
    },
    /** relu6(x + 3) / 6: 0 below -3, 1 above 3, linear between. Kinks -3, 3 with g' = 0 there. */
    HARD_SIGMOID {
        @Override public double f(double x, double[] p) {
            return x <= -3 ? 0 : x >= 3 ? 1 : x / 6 + 0.5;
        }

        @Override public double df(double x, double y, double[] p) {
            return x > -3 && x < 3 ? 1.0 / 6 : 0;
        }

        @Override public double[] kinks(double[] p) {
            return new double[] {-3, 3};
        }
    },
    /** clamp(x, min, max). Kinks min, max with g' = 0 there. */
    HARD_TANH(Param.any("min", -1), Param.any("max", 1)) {
        @Override public double f(double x, double[] p) {
            return x <= p[0] ? p[0] : x >= p[1] ? p[1] : x;
        }

        @Override public double df(double x, double y, double[] p) {
            return x > p[0] && x < p[1] ? 1 : 0;
        }

        @Override public double[] kinks(double[] p) {
            return new double[] {p[0], p[1]};
        }

        @Override public void validate(double[] p) {
            if (!(p[0] < p[1])) {
                throw new IllegalArgumentException("min must be < max");
            }
        }
    };

    private static final double LECUN_A = 1.7159;

    private final List<Param> params;

    Squash(Param... params) {
        this.params = List.of(params);
    }

    @Override public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override public List<Param> params() {
        return params;
    }
}
