package theta.diagnose;

import java.util.List;

import theta.activation.Activation;
import theta.loss.Loss;

/**
 * The exercise's correct lines, in its names: a1 = [ones(m,1) X], z2 = a1*Theta1', a2 = [ones(m,1)
 * g(z2)], h = the outputs (m x K), Y the one-hot labels (m x K), sigma3, sigma2, Delta1, Delta2.
 */
final class OctaveLines {
    private OctaveLines() {}

    static List<String> cost(Loss output) {
        String data = output == Loss.SOFTMAX
                ? "-sum(sum(Y .* log(h)))"
                : "sum(sum(-Y .* log(h) - (1 - Y) .* log(1 - h)))";
        return List.of(
                "p = sum(sum(Theta1(:, 2:end).^2)) + sum(sum(Theta2(:, 2:end).^2));",
                "J = " + data + " / m + lambda / (2 * m) * p;");
    }

    static String outputDelta(Loss output) {
        return "sigma3 = h - Y;   % " + output.id() + " output with its cross-entropy";
    }

    static String hiddenDelta(Activation g) {
        return "sigma2 = (sigma3 * Theta2(:, 2:end)) .* " + derivative(g, "z2", false) + ";   % m x hidden, "
                + g.spec() + "'s derivative of z2";
    }

    static List<String> gradients() {
        return List.of(
                "Delta1 = sigma2' * a1;  Delta2 = sigma3' * a2;",
                "Theta1_grad = Delta1 / m + (lambda / m) * [zeros(size(Theta1, 1), 1) Theta1(:, 2:end)];",
                "Theta2_grad = Delta2 / m + (lambda / m) * [zeros(size(Theta2, 1), 1) Theta2(:, 2:end)];");
    }

    /** g's derivative as Octave code, of {@code arg}; in the output form, {@code arg} plays the output y. */
    static String derivative(Activation g, String arg, boolean outputForm) {
        if (outputForm) {
            return switch (g.spec()) {
                case "sigmoid" -> arg + ".*(1-" + arg + ")";
                case "tanh" -> "(1-" + arg + ".^2)";
                case "softplus" -> "(1-exp(-" + arg + "))";
                case "relu" -> "(" + arg + ">0)";
                default -> throw new IllegalArgumentException(g.spec());
            };
        }
        return switch (g.spec()) {
            case "sigmoid" -> "sigmoidGradient(" + arg + ")";
            case "tanh" -> "(1-tanh(" + arg + ").^2)";
            case "softplus" -> "sigmoid(" + arg + ")";
            case "relu" -> "(" + arg + ">0)";
            case "identity" -> "ones(size(" + arg + "))";
            default -> g.spec() + "Gradient(" + arg + ")";
        };
    }
}
