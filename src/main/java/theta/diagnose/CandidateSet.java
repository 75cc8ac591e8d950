package theta.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import theta.activation.Activation;
import theta.activation.Activations;
import theta.check.CostForm;
import theta.nn.Block;
import theta.nn.NetworkCost;

/**
 * Every candidate column of a problem, on the first {@code rows} parameters. What does not depend
 * on lambda is computed once: the numerical derivatives of the cost's pieces (central
 * differences, h = 1e-4, as checkNNGradients) and the data term's gradient under each backprop
 * rule. A mistaken cost is a linear combination of its pieces, and so is its numerical gradient;
 * a mistaken gradient is a data-term gradient, scaled, plus a regularisation term.
 */
final class CandidateSet {
    /** checkNNGradients' e: numgrad(p) = (J(theta + e) - J(theta - e)) / (2e). */
    static final double STEP = 1e-4;

    private final DiagnosisProblem problem;
    private final int rows;
    private final double[] dLoss;
    private final double[] dBinary;
    private final double[] dCategorical;
    /** d/dtheta of (1/(2m)) sum(theta^2) over the non-bias weights; times lambda it is the penalty's. */
    private final double[] dSquares;
    private final double[] dBiasSquares;
    private final Map<ReferenceBackprop.Rule, double[]> dataGradients = new LinkedHashMap<>();
    private final List<WrongDerivative> derivatives;
    /** Whether each row is a bias (not regularised). */
    private final boolean[] bias;
    private final Map<Double, List<Candidate>> numericalByLambda = new java.util.HashMap<>();
    private final Map<Double, List<Candidate>> analyticalByLambda = new java.util.HashMap<>();

    CandidateSet(DiagnosisProblem problem, int rows) {
        this.problem = problem;
        this.rows = rows;
        this.bias = new boolean[rows];
        for (Block b : problem.layout().blocks()) {
            for (int i = b.offset(); i < Math.min(b.end(), rows); i++) {
                bias[i] = !b.regularised();
            }
        }
        double[] theta = problem.parametersView();
        ReferenceBackprop ref = new ReferenceBackprop(problem);
        NetworkCost unit = problem.withLambda(1).cost();
        dLoss = new double[rows];
        dBinary = new double[rows];
        dCategorical = new double[rows];
        dSquares = new double[rows];
        dBiasSquares = new double[rows];
        double[] t = theta.clone();
        for (int i = 0; i < rows; i++) {
            double[] plus = pieces(unit, ref, t, i, theta[i] + STEP);
            double[] minus = pieces(unit, ref, t, i, theta[i] - STEP);
            t[i] = theta[i];
            dLoss[i] = (plus[0] - minus[0]) / (2 * STEP);
            dBinary[i] = (plus[1] - minus[1]) / (2 * STEP);
            dCategorical[i] = (plus[2] - minus[2]) / (2 * STEP);
            dSquares[i] = (plus[3] - minus[3]) / (2 * STEP);
            dBiasSquares[i] = (plus[4] - minus[4]) / (2 * STEP);
        }
        // The correct data gradient is theta's own (lambda 0); the mistaken ones come from the reference.
        double[] g0 = new double[theta.length];
        problem.withLambda(0).cost().value(theta, g0);
        derivatives = derivativeMistakes(problem);
        ReferenceBackprop.Forward forward = ref.forward(theta);
        for (WrongDerivative d : withNull(derivatives)) {
            for (BackpropSlip out : withNull(List.of(BackpropSlip.SQUARED_ERROR_DELTA, BackpropSlip.DELTA_SIGN))) {
                for (boolean biasKept : new boolean[] {false, true}) {
                    ReferenceBackprop.Rule rule = new ReferenceBackprop.Rule(d, out, biasKept);
                    dataGradients.put(rule, rule.correct() ? java.util.Arrays.copyOf(g0, rows)
                            : ref.dataGradient(theta, forward, rule, rows));
                }
            }
        }
    }

    /** Every other derivative the hidden layer could have been given. */
    static List<WrongDerivative> derivativeMistakes(DiagnosisProblem problem) {
        List<WrongDerivative> list = new ArrayList<>();
        for (Activation a : likelyFirst(problem.activation())) {
            if (a.learnableCount() > 0 || a.stochastic()) {
                continue;
            }
            for (boolean ofA : new boolean[] {false, true}) {
                for (boolean outputForm : new boolean[] {false, true}) {
                    if (outputForm && !WrongDerivative.hasOutputForm(a)) {
                        continue;
                    }
                    WrongDerivative d = new WrongDerivative(a, ofA, outputForm);
                    if (d.appliesTo(problem)) {
                        list.add(d);
                    }
                }
            }
        }
        return list;
    }

    /**
     * The built-in activations, the hidden layer's own first, then the four the exercise's learners
     * try (sigmoid, tanh, softplus, relu): when several mistakes give the same numbers, the likelier
     * one is listed (and fixed) first.
     */
    private static List<Activation> likelyFirst(Activation g) {
        List<String> order = List.of(g.spec(), "sigmoid", "tanh", "softplus", "relu");
        List<Activation> list = new ArrayList<>(Activations.builtins());
        list.sort(java.util.Comparator.comparingInt(a -> {
            int i = order.indexOf(a.spec());
            return i < 0 ? order.size() : i;
        }));
        return list;
    }

    /** J's pieces at theta with entry i set to v: loss, binary CE, categorical CE, (1/2m) S, (1/2m) B. */
    private double[] pieces(NetworkCost unit, ReferenceBackprop ref, double[] t, int i, double v) {
        t[i] = v;
        double loss = unit.value(t, null) - unit.lastPenalty();
        double squares = unit.lastPenalty(); // lambda = 1
        ReferenceBackprop.Forward f = ref.forward(t);
        return new double[] {loss, ref.binaryCrossEntropy(f), ref.categoricalCrossEntropy(f), squares,
            biasSquares(t) / (2.0 * problem.m())};
    }

    private double biasSquares(double[] t) {
        double s = 0;
        for (Block b : problem.layout().blocks()) {
            if (!b.regularised() && b.name().startsWith("Theta")) {
                for (int i = b.offset(); i < b.end(); i++) {
                    s += t[i] * t[i];
                }
            }
        }
        return s;
    }

    int rows() {
        return rows;
    }

    /** The numerical (left) candidates for lambda: the correct cost and every combination of cost mistakes. */
    List<Candidate> numerical(double lambda) {
        return numericalByLambda.computeIfAbsent(lambda, this::computeNumerical);
    }

    private List<Candidate> computeNumerical(double lambda) {
        List<Candidate> out = new ArrayList<>();
        List<List<Mistake>> combos = Combinations.of(problem, CostMistake.values());
        for (List<Mistake> combo : combos) {
            CostForm form = CostForm.CORRECT;
            for (Mistake mk : combo) {
                form = ((CostMistake) mk).apply(form);
            }
            out.add(new Candidate(combo, numerical(form, lambda)));
        }
        return out;
    }

    private double[] numerical(CostForm form, double lambda) {
        double[] data = switch (form.data()) {
            case LOSS -> dLoss;
            case BINARY_CROSS_ENTROPY -> dBinary;
            case CATEGORICAL_CROSS_ENTROPY -> dCategorical;
        };
        int m = problem.m();
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            // The same linear form CostForm.value applies to J, applied to J's pieces' derivatives.
            v[i] = form.value(data[i], lambda * dSquares[i], lambda * dBiasSquares[i], m);
        }
        return v;
    }

    /** The analytical (right) candidates for lambda: theta's gradient and every combination of backprop mistakes. */
    List<Candidate> analytical(double lambda) {
        return analyticalByLambda.computeIfAbsent(lambda, this::computeAnalytical);
    }

    private List<Candidate> computeAnalytical(double lambda) {
        List<BackpropMistake> all = new ArrayList<>(derivatives);
        all.addAll(List.of(BackpropSlip.values()));
        List<Candidate> out = new ArrayList<>();
        for (List<Mistake> combo : Combinations.of(problem, all.toArray(new Mistake[0]))) {
            out.add(new Candidate(combo, analytical(combo, lambda)));
        }
        return out;
    }

    private double[] analytical(List<Mistake> combo, double lambda) {
        if (combo.isEmpty()) {
            double[] g = new double[problem.size()];
            problem.withLambda(lambda).cost().value(problem.parametersView(), g);
            return java.util.Arrays.copyOf(g, rows);
        }
        WrongDerivative d = null;
        BackpropSlip out = null;
        boolean biasKept = false;
        double scale = 1;
        boolean regularised = true;
        boolean biasRegularised = false;
        for (Mistake mk : combo) {
            if (mk instanceof WrongDerivative w) {
                d = w;
            } else if (mk == BackpropSlip.SQUARED_ERROR_DELTA || mk == BackpropSlip.DELTA_SIGN) {
                out = (BackpropSlip) mk;
            } else if (mk == BackpropSlip.BIAS_NOT_REMOVED) {
                biasKept = true;
            } else if (mk == BackpropSlip.GRADIENT_NOT_DIVIDED_BY_M) {
                scale = problem.m();
            } else if (mk == BackpropSlip.REGULARISATION_MISSING) {
                regularised = false;
            } else if (mk == BackpropSlip.REGULARISATION_ON_BIAS) {
                biasRegularised = true;
            }
        }
        double[] data = dataGradients.get(new ReferenceBackprop.Rule(d, out, biasKept));
        double[] theta = problem.parametersView();
        double r = lambda / problem.m();
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            double reg = !regularised || bias[i] && !biasRegularised ? 0 : r * theta[i];
            v[i] = scale * data[i] + reg;
        }
        return v;
    }

    private static <T> List<T> withNull(List<T> list) {
        List<T> l = new ArrayList<>();
        l.add(null);
        l.addAll(list);
        return l;
    }
}
