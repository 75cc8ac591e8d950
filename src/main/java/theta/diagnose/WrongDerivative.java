package theta.diagnose;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import theta.activation.Activation;

/**
 * sigma2 multiplied by the wrong derivative: another activation's (sigmoid's hard-coded while the
 * hidden layer is tanh), the right one taken of a2 instead of z2, or a derivative written in its
 * output ({@code a2.*(1-a2)}, {@code 1-a2.^2}) applied to z2 or to another activation's a2.
 *
 * @param used the activation whose derivative the code computes
 * @param ofA whether it is evaluated at a2 = g(z2) rather than at z2
 * @param outputForm whether it is the derivative written in the activation's output y (only for
 *     the activations of {@link #hasOutputForm}), applied to the argument as if it were y
 */
public record WrongDerivative(Activation used, boolean ofA, boolean outputForm) implements BackpropMistake {
    public WrongDerivative {
        Objects.requireNonNull(used);
        if (outputForm && !hasOutputForm(used)) {
            throw new IllegalArgumentException(used.spec() + " has no derivative written in its output here");
        }
    }

    /** Whether the derivative written in terms of the output y is known for this activation. */
    public static boolean hasOutputForm(Activation a) {
        return switch (a.spec()) {
            case "sigmoid", "tanh", "softplus", "relu" -> true;
            default -> false;
        };
    }

    /** The factor this code multiplies sigma2 by, for a hidden unit with input z and output a = g(z). */
    public double value(double z, double a) {
        double x = ofA ? a : z;
        if (!outputForm) {
            return used.df(x, used.f(x));
        }
        return switch (used.spec()) {
            case "sigmoid" -> x * (1 - x);
            case "tanh" -> 1 - x * x;
            case "softplus" -> 1 - Math.exp(-x);
            case "relu" -> x > 0 ? 1 : 0;
            default -> throw new IllegalStateException(used.spec());
        };
    }

    /** True when this is exactly the derivative the hidden activation g needs (g'(z2), or g's output form of a2). */
    public boolean isCorrectFor(Activation g) {
        return used.spec().equals(g.spec()) && ofA == outputForm;
    }

    /** The Octave expression, e.g. {@code sigmoidGradient(z2)} or {@code a2.*(1-a2)}. */
    public String expression() {
        return OctaveLines.derivative(used, ofA ? "a2" : "z2", outputForm);
    }

    @Override
    public String id() {
        String arg = ofA ? "a2" : "z2";
        return (outputForm ? used.spec() + "-output-form-of-" : used.spec() + "-derivative-of-") + arg;
    }

    @Override
    public String description() {
        String form = outputForm ? used.spec() + "'s derivative written in its output" : used.spec() + "'s derivative";
        return String.format(Locale.ROOT, "sigma2 uses %s, %s, taken of %s", form, expression(), ofA ? "a2" : "z2");
    }

    @Override
    public Slot slot() {
        return Slot.DERIVATIVE;
    }

    @Override
    public boolean appliesTo(DiagnosisProblem problem) {
        return !isCorrectFor(problem.activation());
    }

    @Override
    public List<String> fix(DiagnosisProblem problem) {
        return List.of(OctaveLines.hiddenDelta(problem.activation()));
    }
}
