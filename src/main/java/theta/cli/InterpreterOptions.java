package theta.cli;

import java.nio.file.Path;
import java.time.Duration;

import picocli.CommandLine.Option;
import theta.InputException;
import theta.diagnose.DiagnosisProblem;
import theta.diagnose.run.ActivationAudit;
import theta.diagnose.run.ActivationJob;
import theta.diagnose.run.CostJob;
import theta.diagnose.run.Interpreter;
import theta.diagnose.run.OctaveInterpreter;
import theta.diagnose.run.PythonInterpreter;

/** The options of {@code theta diagnose} that run the user's own code in GNU Octave or Python. */
final class InterpreterOptions {
    @Option(names = "--octave", paramLabel = "FILE.m",
            description = "Run this Octave cost function (its folder is added to the path) at the problem and diagnose"
                    + " its gradient and the numerical gradient of its J (lambda 3 unless --lambda is given).")
    Path octave;

    @Option(names = "--python", paramLabel = "FILE.py[:FN]",
            description = "Run this Python function (default name cost_function): FN(params, X, y, lam) -> (J, grad).")
    String python;

    @Option(names = "--call", paramLabel = "EXPR",
            description = "Call the function this way instead. Octave names: nn_params, input_layer_size,"
                + " hidden_layer_size, num_labels, X, y, lambda; Python also params, lam, lambda_.")
    String call;

    @Option(names = "--user-labels", paramLabel = "1..K|0..K-1",
            description = "The labels y your function expects (default: 1..K for Octave, 0..K-1 for Python).")
    String userLabels;

    @Option(names = "--python-order", defaultValue = "row", paramLabel = "row|column",
            description = "How your Python code unrolls Theta1, Theta2 into params: row (NumPy's reshape, the default)"
                    + " or column (Theta1(:), order='F').")
    String pythonOrder;

    @Option(names = "--octave-activation", paramLabel = "EXPR",
            description = "Check your activation derivative, an Octave expression in z, e.g. 'activationGradient(z, \"tanh\")',"
                    + " against --activation's.")
    String octaveDerivative;

    @Option(names = "--octave-activation-fn", paramLabel = "EXPR",
            description = "Your activation itself, e.g. 'activation(z, \"tanh\")': also compared, and differentiated numerically.")
    String octaveActivation;

    @Option(names = "--python-activation", paramLabel = "EXPR",
            description = "Like --octave-activation, a Python expression in z (with --python MODULE.py for its names).")
    String pythonDerivative;

    @Option(names = "--python-activation-fn", paramLabel = "EXPR", description = "Like --octave-activation-fn, in Python.")
    String pythonActivation;

    @Option(names = "--octave-path", paramLabel = "DIR",
            description = "Where your activation's .m files are, for --octave-activation (default: --octave's folder,"
                    + " else the current one).")
    Path octavePath;

    @Option(names = "--octave-bin", defaultValue = OctaveInterpreter.DEFAULT_BIN, paramLabel = "PATH",
            description = "Octave's command-line program (default: ${DEFAULT-VALUE}).")
    String octaveBin;

    @Option(names = "--python-bin", defaultValue = PythonInterpreter.DEFAULT_BIN, paramLabel = "PATH",
            description = "Python with NumPy (default: ${DEFAULT-VALUE}).")
    String pythonBin;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Stop the interpreter after this long (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    /** Whether any of these options asks to run code. */
    boolean active() {
        return octave != null || python != null || octaveDerivative != null || pythonDerivative != null;
    }

    /** Whether the user's cost function is to be run (not only the activation check). */
    boolean runsCost() {
        return octave != null || python != null && (pythonDerivative == null || python.matches(".*:[A-Za-z_][A-Za-z0-9_]*"));
    }

    boolean usesPython() {
        if (octave != null && python != null || octaveDerivative != null && pythonDerivative != null) {
            throw new InputException("diagnose: give Octave (--octave, --octave-activation) or Python (--python,"
                    + " --python-activation), not both");
        }
        if (octaveActivation != null && octaveDerivative == null || pythonActivation != null && pythonDerivative == null) {
            throw new InputException("diagnose: --octave-activation-fn / --python-activation-fn need the derivative too"
                    + " (--octave-activation / --python-activation)");
        }
        return python != null || pythonDerivative != null;
    }

    Interpreter interpreter() {
        if (!(timeoutSeconds > 0) || !Double.isFinite(timeoutSeconds)) {
            throw new InputException("--timeout: expected a positive number of seconds, got " + timeoutSeconds);
        }
        Duration t = Duration.ofMillis((long) Math.ceil(timeoutSeconds * 1000));
        return usesPython() ? new PythonInterpreter(pythonBin, t) : new OctaveInterpreter(octaveBin, t);
    }

    CostJob costJob(DiagnosisProblem problem) {
        if (!usesPython()) {
            if (!octave.getFileName().toString().endsWith(".m")) {
                throw new InputException("--octave: " + octave + ": expected an Octave function file, NAME.m");
            }
            CostJob j = OctaveInterpreter.job(octave, call, problem);
            return userLabels == null ? j : new CostJob(j.source(), j.function(), j.call(), problem, firstLabel(), false);
        }
        int colon = python.lastIndexOf(':');
        boolean hasFn = colon > 0 && python.substring(colon + 1).matches("[A-Za-z_][A-Za-z0-9_]*");
        Path module = Path.of(hasFn ? python.substring(0, colon) : python);
        String fn = hasFn ? python.substring(colon + 1) : "cost_function";
        boolean rowMajor = switch (pythonOrder) {
            case "row", "C" -> true;
            case "column", "F" -> false;
            default -> throw new InputException("--python-order: expected row or column, got '" + pythonOrder + "'");
        };
        return PythonInterpreter.job(module, fn, call, problem, userLabels == null ? 0 : firstLabel(), rowMajor);
    }

    ActivationJob activationJob() {
        boolean py = usesPython();
        Path folder = py ? (python == null ? null : Path.of(python.replaceFirst(":[A-Za-z_][A-Za-z0-9_]*$", "")))
                : octavePath != null ? octavePath : octave;
        if (folder != null && !folder.toFile().exists()) {
            throw new InputException(folder + ": no such file");
        }
        return new ActivationJob(folder, py ? pythonDerivative : octaveDerivative, py ? pythonActivation : octaveActivation,
                ActivationAudit.grid(), Interpreter.EPSILON);
    }

    boolean checksActivation() {
        return octaveDerivative != null || pythonDerivative != null;
    }

    private int firstLabel() {
        return switch (userLabels) {
            case "1..K", "1" -> 1;
            case "0..K-1", "0" -> 0;
            default -> throw new InputException("--user-labels: expected 1..K or 0..K-1, got '" + userLabels + "'");
        };
    }
}
