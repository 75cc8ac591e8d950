package theta.nn;

import theta.activation.Activation;

/** Minimal activations for network tests, independent of the activation catalogue. */
public final class TestActivations {
    private TestActivations() {}

    public static final Activation SIGMOID = new Activation() {
        public String spec() { return "sigmoid"; }
        public double f(double x) { return 1 / (1 + Math.exp(-x)); }
        public double df(double x, double y) { return y * (1 - y); }
    };

    public static final Activation TANH = new Activation() {
        public String spec() { return "tanh"; }
        public double f(double x) { return Math.tanh(x); }
        public double df(double x, double y) { return 1 - y * y; }
    };

    public static final Activation SOFTPLUS = new Activation() {
        public String spec() { return "softplus"; }
        public double f(double x) { return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); }
        public double df(double x, double y) { return 1 / (1 + Math.exp(-x)); }
    };

    public static final Activation RELU = new Activation() {
        public String spec() { return "relu"; }
        public double f(double x) { return x > 0 ? x : 0; }
        public double df(double x, double y) { return x > 0 ? 1 : 0; }
        public double[] kinks() { return new double[] {0}; }
    };

    /** PReLU with a learnable slope a: f = x (x > 0), a x (x <= 0). */
    public static Activation prelu(double a) {
        return new Activation() {
            public String spec() { return "prelu:a=" + a; }
            public double f(double x) { return x > 0 ? x : a * x; }
            public double df(double x, double y) { return x > 0 ? 1 : a; }
            public double[] kinks() { return new double[] {0}; }
            public int learnableCount() { return 1; }
            public double[] learnable() { return new double[] {a}; }
            public Activation withLearnable(double[] v) { return prelu(v[0]); }
            public double dLearnable(int i, double x, double y) { return x > 0 ? 0 : x; }
        };
    }
}
