package theta.diagnose.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import theta.diagnose.DiagnosisProblem;
import theta.io.NamedArrays;
import theta.io.NdArray;
import theta.io.Npz;

/**
 * Python with NumPy (Debian's {@code /usr/bin/python3} and {@code python3-numpy}) running a
 * user's module. The default call is {@code FN(params, X, y, lam) -> (J, grad)}; other
 * expressions may also use {@code nn_params}, {@code lambda_}, {@code input_layer_size},
 * {@code hidden_layer_size} and {@code num_labels}. params is a 1-D float64 array, X is m x n,
 * y a 1-D int64 array of classes 0..K-1 (or 1..K), lam a float.
 *
 * <p>NumPy's {@code reshape} unrolls row by row, so by default each weight matrix is unrolled
 * row-major in params and grad ({@code Theta1 = params[:h*(n+1)].reshape(h, n+1)}); theta
 * converts to and from its own column-major layout.
 */
public final class PythonInterpreter extends Interpreter {
    public static final String DEFAULT_BIN = "/usr/bin/python3";

    public PythonInterpreter(String bin, Duration timeout) {
        super(bin, timeout);
    }

    /**
     * A job for {@code function} of a module file.
     *
     * @param firstLabel 0 (classes 0..K-1, the default) or 1 (the exercise's 1..K)
     * @param rowMajor whether their code unrolls each matrix row by row (NumPy's reshape; the default)
     */
    public static CostJob job(Path module, String function, String call, DiagnosisProblem problem, int firstLabel,
            boolean rowMajor) {
        return new CostJob(module, function, call == null ? null : call.strip(), problem, firstLabel, rowMajor);
    }

    @Override
    String name() {
        return "Python";
    }

    @Override
    String installHint() {
        return "install Python 3 with NumPy (apt-get install python3-numpy) or give its python3 with --python-bin";
    }

    @Override
    String startFailure(String stderr) {
        if (stderr.contains("No module named 'numpy'")) {
            return bin() + " has no NumPy: install it (apt-get install python3-numpy) or give another python3 with --python-bin";
        }
        return null;
    }

    @Override
    List<String> command(Path driver) {
        return List.of(bin(), "-B", driver.toString());
    }

    @Override
    String gradShape(int n) {
        return "shape (" + n + ",): np.concatenate([Theta1_grad.ravel(), Theta2_grad.ravel()])";
    }

    @Override
    String ext() {
        return "npz";
    }

    @Override
    NamedArrays read(Path file) throws IOException {
        return Npz.read(file);
    }

    @Override
    void writeCostJob(Path dir, CostJob job) throws IOException {
        DiagnosisProblem p = job.problem();
        double[] params = job.userParams();
        Npz.write(dir.resolve("problem.npz"), NamedArrays.of(
                NdArray.of("params", new int[] {params.length}, params),
                NdArray.of2d("X", p.m(), p.inputs(), p.features()),
                NdArray.of("y", new int[] {p.m()}, job.userLabels()),
                NdArray.scalar("lam", p.lambda()),
                NdArray.scalar("input_layer_size", p.inputs()),
                NdArray.scalar("hidden_layer_size", p.hidden()),
                NdArray.scalar("num_labels", p.classes())));
    }

    @Override
    void writeActivationJob(Path dir, ActivationJob job) throws IOException {
        Npz.write(dir.resolve("problem.npz"), NamedArrays.of(NdArray.of("z", new int[] {job.z().length}, job.z())));
    }

    @Override
    Path writeDriver(Path work, List<CostJob> costs, List<Path> costDirs, List<ActivationJob> acts, List<Path> actDirs)
            throws IOException {
        copyResource(work, "theta_run.py");
        StringBuilder s = new StringBuilder("import sys\nsys.path.insert(0, ").append(quote(work.toString()))
                .append(")\nimport theta_run\n");
        for (int i = 0; i < costs.size(); i++) {
            CostJob j = costs.get(i);
            s.append("theta_run.cost(").append(quote(costDirs.get(i).toString())).append(", ")
                    .append(quote(j.source().toAbsolutePath().toString())).append(", ").append(quote(j.function()))
                    .append(", ").append(j.call() == null ? "None" : quote(j.call())).append(", ")
                    .append(String.format(Locale.ROOT, "%.17g", EPSILON)).append(")\n");
        }
        for (int i = 0; i < acts.size(); i++) {
            ActivationJob j = acts.get(i);
            s.append("theta_run.activation(").append(quote(actDirs.get(i).toString())).append(", ")
                    .append(j.folder() == null ? "None" : quote(j.folder().toAbsolutePath().toString())).append(", ")
                    .append(quote(j.derivative())).append(", ")
                    .append(j.activation() == null ? "None" : quote(j.activation())).append(", ")
                    .append(String.format(Locale.ROOT, "%.17g", j.epsilon())).append(")\n");
        }
        Path driver = work.resolve("theta_driver.py");
        Files.writeString(driver, s, StandardCharsets.UTF_8);
        return driver;
    }

    /** A Python string literal. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
