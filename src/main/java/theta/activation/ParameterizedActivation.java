package theta.activation;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import theta.math.Spec;
import theta.math.Vec;

/** A built-in activation family bound to its parameter values. Immutable. */
final class ParameterizedActivation implements Activation {
    private final Formula formula;
    private final double[] p;

    /**
     * @param values one per {@code formula.params()}, each admitted by its bound; not kept (copied)
     * @throws IllegalArgumentException naming the parameter and the values allowed
     */
    ParameterizedActivation(Formula formula, double[] values) {
        List<Param> params = formula.params();
        if (values.length != params.size()) {
            throw new IllegalArgumentException(formula.specName() + " takes " + params.size()
                    + " parameters, got " + values.length);
        }
        this.formula = formula;
        this.p = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            Param param = params.get(i);
            if (!param.bound().admits(values[i])) {
                throw new IllegalArgumentException(param.name() + " must be "
                        + param.bound().description() + ", got " + Spec.format(values[i]));
            }
            p[i] = values[i] + 0.0; // -0.0 becomes 0.0, so equal specs give equal activations
        }
        formula.validate(p);
    }

    Formula formula() {
        return formula;
    }

    /** The parameter values, in the order of {@code formula().params()} (a copy). */
    double[] parameters() {
        return p.clone();
    }

    /** The family name, then {@code :key=value,...} for each parameter not at its default. */
    @Override public String spec() {
        StringBuilder spec = new StringBuilder(formula.specName());
        List<Param> params = formula.params();
        char separator = ':';
        for (int i = 0; i < p.length; i++) {
            if (Double.compare(p[i], params.get(i).defaultValue()) != 0) {
                spec.append(separator).append(params.get(i).name()).append('=').append(Spec.format(p[i]));
                separator = ',';
            }
        }
        return spec.toString();
    }

    @Override public double f(double x) {
        return formula.f(x, p);
    }

    @Override public double df(double x, double y) {
        return formula.df(x, y, p);
    }

    @Override public void f(Vec x, Vec y, int from, int to) {
        formula.f(x, y, from, to, p);
    }

    @Override public void dfTimes(Vec x, Vec y, Vec d, int from, int to) {
        formula.dfTimes(x, y, d, from, to, p);
    }

    @Override public double[] kinks() {
        return formula.kinks(p).clone();
    }

    @Override public double maxFiniteInput() {
        return formula.maxFiniteInput(p);
    }

    @Override public Init defaultInit() {
        return formula.defaultInit();
    }

    @Override public double learningRateScale() {
        return formula.learningRateScale(p);
    }

    @Override public int learnableCount() {
        return formula.learnableCount();
    }

    @Override public double[] learnable() {
        return Arrays.copyOf(p, formula.learnableCount());
    }

    @Override public Activation withLearnable(double[] values) {
        int n = formula.learnableCount();
        if (values.length != n) {
            throw new IllegalArgumentException(spec() + " has " + n + " learnable parameters, got "
                    + values.length + " values");
        }
        double[] next = p.clone();
        System.arraycopy(values, 0, next, 0, n);
        return new ParameterizedActivation(formula, next);
    }

    @Override public double dLearnable(int i, double x, double y) {
        if (i < 0 || i >= formula.learnableCount()) {
            throw new IllegalArgumentException(spec() + " has no learnable parameter " + i);
        }
        return formula.dLearnable(i, x, y, p);
    }

    @Override public double fTrain(double x, RandomGenerator rng) {
        return formula.fTrain(x, rng, p);
    }

    @Override public boolean stochastic() {
        return formula.stochastic(p);
    }

    @Override public boolean equals(Object o) {
        return o instanceof ParameterizedActivation other
                && formula == other.formula && Arrays.equals(p, other.p);
    }

    @Override public int hashCode() {
        return 31 * formula.hashCode() + Arrays.hashCode(p);
    }

    @Override public String toString() {
        return spec();
    }
}
