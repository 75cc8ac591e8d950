package theta.diagnose.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import theta.InputException;
import theta.io.NamedArrays;
import theta.io.NdArray;

/**
 * A bridge to an interpreter (GNU Octave, Python with NumPy) that runs a user's code. Every batch
 * of jobs is one child process: theta writes each job's problem to files the interpreter reads
 * natively and a driver script that runs the jobs one after another; each job writes its results,
 * or its error, to files of its own, which theta reads back. The numerical gradient of the user's
 * cost is computed inside that process, one call per parameter, as checkNNGradients does.
 */
public abstract sealed class Interpreter permits OctaveInterpreter, PythonInterpreter {
    /** The classic checkNNGradients step. */
    public static final double EPSILON = 1e-4;

    private final String bin;
    private final Duration timeout;

    Interpreter(String bin, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive, got " + timeout.toSeconds() + " s");
        }
        this.bin = bin;
        this.timeout = timeout;
    }

    /** The program run, e.g. {@code octave-cli}. */
    public String bin() {
        return bin;
    }

    /** Runs one cost job; every failure is an {@link InputException} of one line. */
    public CostRun cost(CostJob job) {
        return costs(List.of(job)).get(0).orThrow();
    }

    /** Runs one activation job; every failure is an {@link InputException} of one line. */
    public ActivationSamples activation(ActivationJob job) {
        return run(List.of(), List.of(job)).activations().get(0).orThrow();
    }

    /** Runs the jobs in one process; a job that fails gives an error, the others their results. */
    public List<Result<CostRun>> costs(List<CostJob> jobs) {
        return run(jobs, List.of()).costs();
    }

    /** The results of one batch. */
    public record Batch(List<Result<CostRun>> costs, List<Result<ActivationSamples>> activations) {}

    /** A job's value, or the one-line error that stopped it. */
    public record Result<T>(T value, String error) {
        public T orThrow() {
            if (value == null) {
                throw new InputException(error);
            }
            return value;
        }
    }

    /** Runs cost and activation jobs together in one process. */
    public Batch run(List<CostJob> costJobs, List<ActivationJob> activationJobs) {
        for (CostJob j : costJobs) {
            if (!Files.isRegularFile(j.source())) {
                throw new InputException(j.source() + ": no such file");
            }
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("theta-run-");
            List<Path> costDirs = new ArrayList<>();
            for (int i = 0; i < costJobs.size(); i++) {
                Path d = Files.createDirectory(work.resolve("cost" + i));
                writeCostJob(d, costJobs.get(i));
                costDirs.add(d);
            }
            List<Path> actDirs = new ArrayList<>();
            for (int i = 0; i < activationJobs.size(); i++) {
                Path d = Files.createDirectory(work.resolve("activation" + i));
                writeActivationJob(d, activationJobs.get(i));
                actDirs.add(d);
            }
            Path driver = writeDriver(work, costJobs, costDirs, activationJobs, actDirs);
            ChildProcess.Outcome o = start(work, driver);
            if (o.timedOut()) {
                String what = costJobs.isEmpty() ? "" : " running " + costJobs.get(0).source().getFileName();
                throw new InputException(name() + " did not finish within " + seconds(timeout) + " s (--timeout)" + what
                        + ": does the code loop forever?" + lastLine(" Last output: ", o.stderr()));
            }
            List<Result<CostRun>> costs = new ArrayList<>();
            for (int i = 0; i < costJobs.size(); i++) {
                costs.add(readCost(costDirs.get(i), costJobs.get(i), o));
            }
            List<Result<ActivationSamples>> acts = new ArrayList<>();
            for (int i = 0; i < activationJobs.size(); i++) {
                acts.add(readActivation(actDirs.get(i), activationJobs.get(i), o));
            }
            return new Batch(costs, acts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(work);
        }
    }

    private ChildProcess.Outcome start(Path work, Path driver) throws IOException {
        List<String> cmd = command(driver);
        try {
            return ChildProcess.run(cmd, Path.of("").toAbsolutePath(), work, timeout);
        } catch (IOException e) {
            String why = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^.*error=\\d+, ", "");
            throw new InputException(bin + ": cannot be run (" + why + "): " + installHint());
        }
    }

    /** The error a job wrote, or the interpreter's own complaint when the job wrote nothing. */
    Result<?> failure(Path dir, String where, ChildProcess.Outcome o) throws IOException {
        Path err = dir.resolve("error.txt");
        if (Files.exists(err)) {
            return new Result<>(null, where + ": " + oneLine(Files.readString(err, StandardCharsets.UTF_8)));
        }
        String why = startFailure(o.stderr());
        return new Result<>(null, why != null ? why
                : where + ": " + name() + " stopped (exit " + o.exit() + ") before the job finished"
                        + lastLine(": ", o.stderr()));
    }

    private static String seconds(Duration d) {
        return theta.math.Spec.format(d.toMillis() / 1000.0);
    }

    /** Folds a multi-line message (Octave's parse errors) into one line. */
    static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\n\\s*", " | ").replaceAll("[ \\t]+", " ");
    }

    /** The last non-noise line of an interpreter's stderr, for messages. */
    static String lastLine(String prefix, String stderr) {
        String last = null;
        for (String line : stderr.split("\n")) {
            if (!line.isBlank() && !line.contains("ignoring const execution_exception")) {
                last = line.strip();
            }
        }
        return last == null ? "" : prefix + last;
    }

    /** Copies a helper script shipped with theta into the work folder. */
    static Path copyResource(Path work, String name) throws IOException {
        try (InputStream in = Interpreter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from theta's jar");
            }
            Path f = work.resolve(name);
            Files.write(f, in.readAllBytes());
            return f;
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    /** "GNU Octave", "Python". */
    abstract String name();

    /** How to install the interpreter, for the message when it cannot be started. */
    abstract String installHint();

    /** A message when stderr shows the interpreter itself is unusable (e.g. no NumPy), else null. */
    abstract String startFailure(String stderr);

    abstract List<String> command(Path driver);

    /** How a right gradient looks in this language, for the wrong-shape message. */
    abstract String gradShape(int n);

    abstract void writeCostJob(Path dir, CostJob job) throws IOException;

    abstract void writeActivationJob(Path dir, ActivationJob job) throws IOException;

    abstract Path writeDriver(Path work, List<CostJob> costs, List<Path> costDirs, List<ActivationJob> acts,
            List<Path> actDirs) throws IOException;

    /** Extension of the files the interpreter reads and writes natively: "txt" (Octave text), "npz". */
    abstract String ext();

    abstract NamedArrays read(Path file) throws IOException;

    /** J and grad as the job wrote them, checked for shape, and the numerical gradient. */
    private Result<CostRun> readCost(Path dir, CostJob job, ChildProcess.Outcome o) throws IOException {
        String where = job.source().toString();
        Path valueFile = dir.resolve("value." + ext());
        if (!Files.exists(valueFile)) {
            return cast(failure(dir, where, o));
        }
        NamedArrays value = read(valueFile);
        NdArray j = value.get("J");
        NdArray grad = value.get("grad");
        int n = job.problem().size();
        if (j.size() != 1) {
            return new Result<>(null, where + ": J is " + j.shapeString() + ", expected a scalar (the cost)");
        }
        int[] s = grad.shape();
        boolean vector = s.length <= 1 || s.length == 2 && (s[0] == 1 || s[1] == 1);
        if (grad.size() != n || !vector) {
            return new Result<>(null, where + ": grad is " + grad.shapeString() + ", expected a vector of " + n
                    + " entries like the parameters (" + gradShape(n) + ")");
        }
        Path numFile = dir.resolve("numgrad." + ext());
        if (!Files.exists(numFile)) {
            return cast(failure(dir, where, o));
        }
        double[] num = read(numFile).get("numgrad").data();
        return new Result<>(new CostRun(j.data()[0], job.toThetaLayout(grad.data()), job.toThetaLayout(num), EPSILON),
                null);
    }

    private Result<ActivationSamples> readActivation(Path dir, ActivationJob job, ChildProcess.Outcome o)
            throws IOException {
        Path d = dir.resolve("derivative." + ext());
        if (!Files.exists(d)) {
            return cast(failure(dir, job.derivative(), o));
        }
        double[] derivative = checkedSamples(read(d).get("d"), job.derivative(), job.z().length);
        if (job.activation() == null) {
            return new Result<>(new ActivationSamples(job.z(), derivative, null, null, null, job.epsilon()), null);
        }
        Path a = dir.resolve("activation." + ext());
        if (!Files.exists(a)) {
            return cast(failure(dir, job.activation(), o));
        }
        NamedArrays v = read(a);
        int n = job.z().length;
        return new Result<>(new ActivationSamples(job.z(), derivative, checkedSamples(v.get("a"), job.activation(), n),
                checkedSamples(v.get("ap"), job.activation(), n), checkedSamples(v.get("am"), job.activation(), n),
                job.epsilon()), null);
    }

    private static double[] checkedSamples(NdArray a, String expression, int n) {
        if (a.size() != n) {
            throw new InputException(expression + ": gave " + a.shapeString() + " for a vector z of " + n
                    + " values; it must work elementwise (use .*, ./, .^)");
        }
        return a.data();
    }

    @SuppressWarnings("unchecked")
    private static <T> Result<T> cast(Result<?> failure) {
        return (Result<T>) failure;
    }
}
