package theta.diagnose.run;

import java.util.List;

/**
 * Derivatives written in the activation's output a = g(z), as people write them
 * ({@code a.*(1-a)} for sigmoid, {@code 1-a.^2} for tanh): applied to z instead of a, they give
 * the wrong numbers.
 */
final class OutputForm {
    static final List<String> NAMES = List.of("sigmoid", "tanh", "softplus", "relu");

    private OutputForm() {}

    static boolean known(String name) {
        return NAMES.contains(name);
    }

    /** g' written in a, evaluated at x. */
    static double of(String name, double x) {
        return switch (name) {
            case "sigmoid" -> x * (1 - x);
            case "tanh" -> 1 - x * x;
            case "softplus" -> 1 - Math.exp(-x);
            case "relu" -> x > 0 ? 1 : 0;
            default -> throw new IllegalArgumentException("no output form known for " + name);
        };
    }

    /** The formula in Octave, with z where a belongs. */
    static String formula(String name) {
        return switch (name) {
            case "sigmoid" -> "z.*(1-z)";
            case "tanh" -> "1-z.^2";
            case "softplus" -> "1-exp(-z)";
            case "relu" -> "(z>0)";
            default -> throw new IllegalArgumentException("no output form known for " + name);
        };
    }
}
