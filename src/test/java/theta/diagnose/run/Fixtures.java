package theta.diagnose.run;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import theta.activation.Activations;
import theta.diagnose.DiagnosisProblem;
import theta.loss.Loss;
import theta.nn.NetworkCost;

/** The Octave and Python fixtures under src/test/resources/theta/diagnose, and theta's own answers. */
final class Fixtures {
    static final List<String> ACTIVATIONS = List.of("sigmoid", "tanh", "softplus", "relu");
    static final List<String> OUTPUTS = List.of("softmax", "sigmoid");

    private Fixtures() {}

    static Path dir(String sub) {
        try {
            return Path.of(Fixtures.class.getResource("/theta/diagnose/" + sub).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Octave fixture called with the setup's activation and output names. */
    static CostJob octave(String function, String activation, String output, double lambda) {
        Path file = dir("octave").resolve(function + ".m");
        String call = function + "(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda, '"
                + activation + "', '" + output + "')";
        return OctaveInterpreter.job(file, call, problem(activation, output, lambda));
    }

    /** A Python fixture module's cost_function called with the setup's activation and output. */
    static CostJob python(String module, String activation, String output, double lambda) {
        Path file = dir("python").resolve(module + ".py");
        String call = "cost_function(params, X, y, lam, '" + activation + "', '" + output + "')";
        return PythonInterpreter.job(file, "cost_function", call, problem(activation, output, lambda), 0, true);
    }

    static DiagnosisProblem problem(String activation, String output, double lambda) {
        return DiagnosisProblem.debug(Activations.parse(activation), Loss.parse(output), lambda);
    }

    /** theta's J and gradient at the debug problem: [J, grad...]. */
    static double[] theta(String activation, String output, double lambda) {
        DiagnosisProblem problem = problem(activation, output, lambda);
        NetworkCost c = problem.cost();
        double[] p = problem.parameters();
        double[] g = new double[p.length];
        double j = c.value(p, g);
        double[] out = new double[p.length + 1];
        out[0] = j;
        System.arraycopy(g, 0, out, 1, g.length);
        return out;
    }
}
