package theta.activation;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

import theta.math.StableMath;
import theta.math.Vec;

/**
 * Piecewise activations of the ReLU family. At a kink, g' is the one-sided derivative of the
 * piece g uses there (stated per constant).
 */
enum Rectifier implements Formula {
    /** max(x, 0). Kink 0, g'(0) = 0. */
    RELU {
        @Override public Init defaultInit() {
            return Init.HE_NORMAL;
        }

        @Override public double f(double x, double[] p) {
            return x > 0 ? x : 0;
        }

        @Override public double df(double x, double y, double[] p) {
            return x > 0 ? 1 : 0;
        }

        /** The same max(x, 0), branch-free and vectorised (NaN stays NaN). */
        @Override public void f(Vec x, Vec y, int from, int to, double[] p) {
            x.maxInto(0, y, from, to);
        }

        /** d *= [x > 0], branch-free and vectorised. */
        @Override public void dfTimes(Vec x, Vec y, Vec d, int from, int to, double[] p) {
            x.keepWherePositive(d, from, to);
        }

        @Override public double[] kinks(double[] p) {
            return new double[] {0};
        }
    },
    /** min(max(x, 0), 6). Kinks 0, 6 with g' = 0 there. */
    RELU6 {
        @Override public Init defaultInit() {
            return Init.HE_NORMAL;
        }

        @Override public double f(double x, double[] p) {
            return x <= 0 ? 0 : x >= 6 ? 6 : x;
        }

        @Override public double df(double x, double y, double[] p) {
            return x > 0 && x < 6 ? 1 : 0;
        }

        @Override public double[] kinks(double[] p) {
            return new double[] {0, 6};
        }
    },
    /** x for x &gt; 0, slope x otherwise. Kink 0 (unless slope = 1), g'(0) = slope. */
    LEAKY_RELU(Param.any("slope", 0.01)) {
        @Override public Init defaultInit() {
            return Init.HE_NORMAL;
        }

        @Override public double f(double x, double[] p) {
            return x > 0 ? x : p[0] * x;
        }

        @Override public double df(double x, double y, double[] p) {
            return x > 0 ? 1 : p[0];
        }

        @Override public double[] kinks(double[] p) {
            return p[0] == 1 ? NONE : new double[] {0};
        }
    },
    /** Leaky ReLU whose slope a is learned; dg/da = x for x &lt; 0, else 0. */
    PRELU(Param.any("a", 0.25)) {
        @Override public Init defaultInit() {
            return Init.HE_NORMAL;
        }

        @Override public double f(double x, double[] p) {
            return x > 0 ? x : p[0] * x;
        }

        @Override public double df(double x, double y, double[] p) {
            return x > 0 ? 1 : p[0];
        }

        @Override public double[] kinks(double[] p) {
            return p[0] == 1 ? NONE : new double[] {0};
        }

        @Override public int learnableCount() {
            return 1;
        }

        @Override public double dLearnable(int i, double x, double y, double[] p) {
            return x > 0 ? 0 : x;
        }

        /** The one slope collects the gradient of every hidden unit, so it takes large steps. */
        @Override public double learningRateScale(double[] p) {
            return 0.5;
        }
    },
    /**
     * Randomized leaky ReLU: while training, each x &lt; 0 gets a slope drawn uniformly from
     * [lower, upper]; otherwise the mean slope (lower + upper)/2. g' = y/x for x &lt; 0, which is
     * the slope actually used in either mode. Kink 0, g'(0) = 1.
     */
    RRELU(Param.nonNegative("lower", 1.0 / 8), Param.nonNegative("upper", 1.0 / 3)) {
        @Override public Init defaultInit() {
            return Init.HE_NORMAL;
        }

        @Override public double f(double x, double[] p) {
            return x >= 0 ? x : x * (p[0] + p[1]) / 2;
        }

        @Override public double fTrain(double x, RandomGenerator rng, double[] p) {
            return x >= 0 ? x : x * (p[0] + (p[1] - p[0]) * rng.nextDouble());
        }

        @Override public double df(double x, double y, double[] p) {
            return x < 0 ? y / x : 1;
        }

        @Override public double[] kinks(double[] p) {
            return p[0] == 1 && p[1] == 1 ? NONE : new double[] {0};
        }

        @Override public boolean stochastic(double[] p) {
            return p[0] != p[1];
        }

        @Override public void validate(double[] p) {
            if (!(p[0] <= p[1])) {
                throw new IllegalArgumentException("lower must be <= upper");
            }
        }
    },
    /** x for x &gt; theta, else 0. Kink theta (g itself jumps there unless theta = 0), g'(theta) = 0. */
    THRESHOLDED_RELU(Param.any("theta", 1)) {
        @Override public double f(double x, double[] p) {
            return x > p[0] ? x : 0;
        }

        @Override public double df(double x, double y, double[] p) {
            return x > p[0] ? 1 : 0;
        }

        @Override public double[] kinks(double[] p) {
            return new double[] {p[0]};
        }
    },
    /** x for x &gt; 0, alpha (e^x - 1) otherwise. Kink 0 unless alpha = 1; g'(0) = alpha. */
    ELU(Param.any("alpha", 1)) {
        @Override public Init defaultInit() {
            return Init.HE_NORMAL;
        }

        @Override public double f(double x, double[] p) {
            return x > 0 ? x : p[0] * Math.expm1(x);
        }

        @Override public double df(double x, double y, double[] p) {
            return x > 0 ? 1 : p[0] * Math.exp(x);
        }

        @Override public double[] kinks(double[] p) {
            return p[0] == 1 ? NONE : new double[] {0};
        }
    },
    /** max(0, x) + min(0, alpha (e^(x/alpha) - 1)); g' = e^(x/alpha) for x &lt;= 0: no kink. */
    CELU(Param.positive("alpha", 1)) {
        @Override public Init defaultInit() {
            return Init.HE_NORMAL;
        }

        @Override public double f(double x, double[] p) {
            return x > 0 ? x : p[0] * Math.expm1(x / p[0]);
        }

        @Override public double df(double x, double y, double[] p) {
            return x > 0 ? 1 : Math.exp(x / p[0]);
        }
    },
    /**
     * Scaled ELU, lambda (x for x &gt; 0, alpha (e^x - 1) otherwise) with the self-normalizing
     * constants lambda = 1.0507009873554805, alpha = 1.6732632423543772. Kink 0, g'(0) = lambda alpha.
     */
    SELU {
        @Override public Init defaultInit() {
            return Init.LECUN_NORMAL;
        }

        @Override public double f(double x, double[] p) {
            return SELU_LAMBDA * (x > 0 ? x : SELU_ALPHA * Math.expm1(x));
        }

        @Override public double df(double x, double y, double[] p) {
            return SELU_LAMBDA * (x > 0 ? 1 : SELU_ALPHA * Math.exp(x));
        }

        @Override public double[] kinks(double[] p) {
            return new double[] {0};
        }
    },
    /**
     * Inverse square root linear unit: x for x &gt;= 0, x / sqrt(1 + alpha x^2) otherwise; g' = 1,
     * resp. (1 / sqrt(1 + alpha x^2))^3. Only g'' jumps at 0, so no kink.
     */
    ISRLU(Param.nonNegative("alpha", 1)) {
        @Override public double f(double x, double[] p) {
            return x >= 0 ? x : x / Math.sqrt(1 + p[0] * x * x);
        }

        @Override public double df(double x, double y, double[] p) {
            if (x >= 0) {
                return 1;
            }
            double r = 1 / Math.sqrt(1 + p[0] * x * x);
            return r * r * r;
        }
    },
    /** max(0, tanh x). Kink 0, g'(0) = 0. */
    RECTIFIED_TANH {
        @Override public double f(double x, double[] p) {
            return x > 0 ? Math.tanh(x) : 0;
        }

        @Override public double df(double x, double y, double[] p) {
            return x > 0 ? StableMath.sech2(x) : 0;
        }

        @Override public double[] kinks(double[] p) {
            return new double[] {0};
        }
    },
    /**
     * x relu6(x + 3) / 6: 0 below -3, x above 3, x (x + 3) / 6 between. Kinks -3, 3 with
     * g'(-3) = 0 and g'(3) = 1 (the outer pieces).
     */
    HARD_SWISH {
        @Override public double f(double x, double[] p) {
            return x <= -3 ? 0 : x >= 3 ? x : x * (x + 3) / 6;
        }

        @Override public double df(double x, double y, double[] p) {
            return x <= -3 ? 0 : x >= 3 ? 1 : (2 * x + 3) / 6;
        }

        @Override public double[] kinks(double[] p) {
            return new double[] {-3, 3};
        }
    };

    private static final double SELU_LAMBDA = 1.0507009873554804934193349852946;
    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    private final List<Param> params;

    Rectifier(Param... params) {
        this.params = List.of(params);
    }

    @Override public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override public List<Param> params() {
        return params;
    }
}
