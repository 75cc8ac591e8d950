package theta.activation;

import java.util.List;
import java.util.Locale;

import theta.math.StableMath;

/** Smooth ReLU-like activations: softplus and the self-gated units x * gate(x). No kinks. */
enum SmoothRectifier implements Formula {
    /** ln(1 + e^(beta x)) / beta, as (max(z,0) + log1p(e^-|z|)) / beta with z = beta x; g' = sigma(z). */
    SOFTPLUS(Param.positive("beta", 1)) {
        @Override public Init defaultInit() {
            return Init.HE_NORMAL;
        }

        @Override public double f(double x, double[] p) {
            return StableMath.softplus(p[0] * x) / p[0];
        }

        @Override public double df(double x, double y, double[] p) {
            return StableMath.sigmoid(p[0] * x);
        }
    },
    /** ln sigma(x) = -softplus(-x) = min(x,0) - log1p(e^-|x|); g' = sigma(-x). */
    LOG_SIGMOID {
        @Override public double f(double x, double[] p) {
            return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
        }

        @Override public double df(double x, double y, double[] p) {
            return StableMath.sigmoid(-x);
        }
    },
    /** SiLU (swish): x sigma(x); g' = sigma(x) + x sigma(x) sigma(-x). */
    SILU {
        @Override public Init defaultInit() {
            return Init.HE_NORMAL;
        }

        @Override public double f(double x, double[] p) {
            return x * StableMath.sigmoid(x);
        }

        @Override public double df(double x, double y, double[] p) {
            return StableMath.sigmoid(x) + x * StableMath.sigmoidSlope(x);
        }
    },
    /** Exact GELU: x Phi(x), Phi(x) = erfc(-x/sqrt 2)/2 the normal CDF; g' = Phi(x) + x phi(x). */
    GELU {
        @Override public Init defaultInit() {
            return Init.HE_NORMAL;
        }

        @Override public double f(double x, double[] p) {
            return x * normalCdf(x);
        }

        @Override public double df(double x, double y, double[] p) {
            // phi(x) = e^(-x^2/2) / sqrt(2 pi)
            return normalCdf(x) + x * Erf.expMinusSquare(x, 1) * INV_SQRT_2PI;
        }
    },
    /**
     * GELU's tanh approximation: x (1 + tanh u) / 2 with u = sqrt(2/pi) (x + 0.044715 x^3),
     * written x sigma(2u) so that 1 + tanh u does not cancel for x &lt; 0;
     * g' = sigma(2u) + x sigma'(2u) 2 sqrt(2/pi) (1 + 3 * 0.044715 x^2).
     */
    GELU_TANH {
        @Override public double f(double x, double[] p) {
            return x * StableMath.sigmoid(2 * geluTanhArgument(x));
        }

        @Override public double df(double x, double y, double[] p) {
            double twoU = 2 * geluTanhArgument(x);
            double dTwoU = 2 * SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * x * x);
            return StableMath.sigmoid(twoU) + x * StableMath.sigmoidSlope(twoU) * dTwoU;
        }
    },
    /**
     * Mish: x tanh(softplus x); g' = t + x sech^2(softplus x) sigma(x) with t = tanh(softplus x).
     * With n = e^x (x &lt; 0): t = n(n+2) / (n^2+2n+2), sech^2 = 4(n+1)^2 / (n^2+2n+2)^2; with
     * m = e^-x (x &gt;= 0): t = (1+2m) / (1+2m+2m^2), sech^2 = 4m^2(1+m)^2 / (1+2m+2m^2)^2.
     * Neither form overflows or cancels.
     */
    MISH {
        @Override public Init defaultInit() {
            return Init.HE_NORMAL;
        }

        @Override public double f(double x, double[] p) {
            return x * mishGate(x);
        }

        @Override public double df(double x, double y, double[] p) {
            double t = mishGate(x);
            double sech2;
            if (x < 0) {
                double n = Math.exp(x);
                double d = n * n + 2 * n + 2;
                sech2 = 4 * (n + 1) * (n + 1) / (d * d);
            } else {
                double m = Math.exp(-x);
                double d = 1 + 2 * m + 2 * m * m;
                sech2 = 4 * m * m * (1 + m) * (1 + m) / (d * d);
            }
            return t + x * sech2 * StableMath.sigmoid(x);
        }
    },
    /**
     * Squareplus: (x + sqrt(x^2 + b)) / 2, written b / (2 (sqrt(x^2 + b) - x)) for x &lt; 0 to avoid
     * cancellation; g' = (1 + x / sqrt(x^2 + b)) / 2, resp. b / (2 s (s - x)) with s = sqrt(x^2 + b).
     */
    SQUAREPLUS(Param.positive("b", 4)) {
        @Override public double f(double x, double[] p) {
            double s = Math.sqrt(x * x + p[0]);
            return x >= 0 ? (x + s) / 2 : p[0] / (2 * (s - x));
        }

        @Override public double df(double x, double y, double[] p) {
            double s = Math.sqrt(x * x + p[0]);
            return x >= 0 ? (1 + x / s) / 2 : p[0] / (2 * s * (s - x));
        }

        @Override public double learningRateScale(double[] p) {
            return 0.5;
        }
    };

    private static final double INV_SQRT_2 = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;
    private static final double GELU_CUBIC = 0.044715;

    private final List<Param> params;

    SmoothRectifier(Param... params) {
        this.params = List.of(params);
    }

    @Override public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override public List<Param> params() {
        return params;
    }

    /** Phi(x) = erfc(-x / sqrt 2) / 2, accurate relative to itself also in the far left tail. */
    static double normalCdf(double x) {
        return Erf.erfc(-x * INV_SQRT_2) / 2;
    }

    private static double geluTanhArgument(double x) {
        return SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x);
    }

    /** tanh(softplus x), see MISH. */
    private static double mishGate(double x) {
        if (x < 0) {
            double n = Math.exp(x);
            return n * (n + 2) / (n * n + 2 * n + 2);
        }
        double m = Math.exp(-x);
        return (1 + 2 * m) / (1 + 2 * m + 2 * m * m);
    }
}
