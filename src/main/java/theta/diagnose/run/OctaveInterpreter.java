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
import theta.io.OctaveText;

/**
 * GNU Octave ({@code octave-cli}) running a user's {@code .m} files. The file's folder is added to
 * the path and its function, named after the file, is called as the exercise calls it:
 * {@code [J grad] = nnCostFunction(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda)}
 * with y in 1..K, or by any other expression using those names.
 */
public final class OctaveInterpreter extends Interpreter {
    public static final String DEFAULT_BIN = "octave-cli";

    public OctaveInterpreter(String bin, Duration timeout) {
        super(bin, timeout);
    }

    /** The exercise's call of {@code function}. */
    public static String defaultCall(String function) {
        return function + "(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda)";
    }

    /** The function a {@code .m} file defines: its name without ".m". */
    public static String functionOf(Path mFile) {
        String name = mFile.getFileName().toString();
        return name.endsWith(".m") ? name.substring(0, name.length() - 2) : name;
    }

    /**
     * A job for a {@code .m} file: the exercise's call unless {@code call} is given (a leading
     * {@code [J grad] =} is dropped, so a line copied from ex4.m works too).
     */
    public static CostJob job(Path mFile, String call, DiagnosisProblem problem) {
        String c = call == null ? null : call.strip().replaceFirst("^\\[[^\\]=]*\\]\\s*=\\s*", "").replaceFirst(";$", "");
        return new CostJob(mFile, functionOf(mFile), c, problem, 1, false);
    }

    @Override
    String name() {
        return "GNU Octave";
    }

    @Override
    String installHint() {
        return "install GNU Octave (apt-get install octave) or give its octave-cli with --octave-bin";
    }

    @Override
    String startFailure(String stderr) {
        return null;
    }

    @Override
    List<String> command(Path driver) {
        return List.of(bin(), "--no-gui", "--norc", "--quiet", "--no-history", "--no-window-system", driver.toString());
    }

    @Override
    String gradShape(int n) {
        return n + "x1: grad = [Theta1_grad(:); Theta2_grad(:)]";
    }

    @Override
    String ext() {
        return "txt";
    }

    @Override
    NamedArrays read(Path file) throws IOException {
        return OctaveText.read(file);
    }

    @Override
    void writeCostJob(Path dir, CostJob job) throws IOException {
        DiagnosisProblem p = job.problem();
        double[] params = job.userParams();
        OctaveText.write(dir.resolve("problem.txt"), NamedArrays.of(
                NdArray.of2d("nn_params", params.length, 1, params),
                NdArray.scalar("input_layer_size", p.inputs()),
                NdArray.scalar("hidden_layer_size", p.hidden()),
                NdArray.scalar("num_labels", p.classes()),
                NdArray.of2d("X", p.m(), p.inputs(), p.features()),
                NdArray.of2d("y", p.m(), 1, job.userLabels()),
                NdArray.scalar("lambda", p.lambda())));
    }

    @Override
    void writeActivationJob(Path dir, ActivationJob job) throws IOException {
        OctaveText.write(dir.resolve("problem.txt"), NamedArrays.of(NdArray.of2d("z", job.z().length, 1, job.z())));
    }

    @Override
    Path writeDriver(Path work, List<CostJob> costs, List<Path> costDirs, List<ActivationJob> acts, List<Path> actDirs)
            throws IOException {
        copyResource(work, "theta_run_cost.m");
        copyResource(work, "theta_run_activation.m");
        StringBuilder s = new StringBuilder("more off;\naddpath(").append(quote(work.toString())).append(");\n");
        for (int i = 0; i < costs.size(); i++) {
            CostJob j = costs.get(i);
            String call = j.call() != null ? j.call() : defaultCall(j.function());
            s.append("theta_run_cost(").append(quote(costDirs.get(i).toString())).append(", ")
                    .append(quote(folderOf(j.source()))).append(", ").append(quote(call)).append(", ")
                    .append(String.format(Locale.ROOT, "%.17g", EPSILON)).append(");\n");
        }
        for (int i = 0; i < acts.size(); i++) {
            ActivationJob j = acts.get(i);
            s.append("theta_run_activation(").append(quote(actDirs.get(i).toString())).append(", ")
                    .append(quote(j.folder() == null ? "" : folderOf(j.folder()))).append(", ")
                    .append(quote(j.derivative())).append(", ")
                    .append(quote(j.activation() == null ? "" : j.activation())).append(", ")
                    .append(String.format(Locale.ROOT, "%.17g", j.epsilon())).append(");\n");
        }
        Path driver = work.resolve("theta_driver.m");
        Files.writeString(driver, s, StandardCharsets.UTF_8);
        return driver;
    }

    /** The folder to add to Octave's path: the file's own, or the folder itself. */
    private static String folderOf(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return Files.isDirectory(abs) ? abs.toString() : abs.getParent().toString();
    }

    /** An Octave single-quoted string: quotes doubled, nothing else is special. */
    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
