package theta.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import theta.InputException;
import theta.activation.Activation;
import theta.activation.Activations;
import theta.diagnose.Columns;
import theta.diagnose.DiagnosisProblem;
import theta.diagnose.DiagnosisResult;
import theta.diagnose.Diagnoser;
import theta.diagnose.Lambdas;
import theta.diagnose.TableParser;
import theta.io.Json;
import theta.loss.Loss;
import theta.io.InputFiles;

/** theta diagnose: says which mistake (if any) produced the two columns of a learner's gradient check. */
@Command(name = "diagnose", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Says which mistake in a cost function or backprop produced a gradient check's two columns.",
        description = {"Reads the two columns a gradient check printed (numerical left, analytical right, as the"
            + " exercise's checkNNGradients prints them; the first rows are enough), or runs the user's own"
            + " Octave or NumPy cost function, and says per column whether it is the correct gradient, the"
            + " numerical gradient of a known mistaken cost, or the analytical gradient of a known backprop"
            + " mistake, then gives the fix as Octave lines.",
            "Exit code 0 when both columns are right, 1 when a mistake (or nothing known) was found, 2 bad input."})
public final class DiagnoseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TABLE",
            description = "The two columns, a text file or - for standard input.")
    String table;

    @Option(names = "--activation", defaultValue = "sigmoid", paramLabel = "SPEC",
            description = "The hidden layer's activation (default: ${DEFAULT-VALUE}, as in the exercise).")
    String activation;

    @Option(names = "--output", defaultValue = "sigmoid", paramLabel = "OUT",
            description = "The output and its cross-entropy: softmax or sigmoid (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--lambda", paramLabel = "L",
            description = "Regularisation strength of the check (default: try 0, 1 and 3 and say which fits).")
    Double lambda;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "Another problem: Theta1, Theta2 as .mat, .npz, Octave text or a theta model (with --data).")
    Path weights;

    @Option(names = "--data", paramLabel = "FILE",
            description = "The examples of that problem: .mat (X, y), CSV (label first) or IDX.")
    Path dataFile;

    @Option(names = "--label-file", paramLabel = "FILE", description = "IDX labels for an IDX image file.")
    Path labelFile;

    @Option(names = "--labels", defaultValue = "1..10", paramLabel = "0..9|1..10",
            description = "Label convention of --data (default: ${DEFAULT-VALUE}, the exercise's).")
    String labels;

    @Option(names = "--limit", defaultValue = "0", description = "Use the first N examples of --data only (default: all).")
    int limit;

    @Option(names = "--json", description = "Print the diagnosis as JSON.")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Draw the table's numerical against analytical column (PNG), one point per row, blocks in colours.")
    Path plot;

    @Mixin
    InterpreterOptions code = new InterpreterOptions();

    @Override
    public Integer call() throws IOException {
        if (code.active()) {
            if (table != null) {
                throw new InputException("diagnose: give TABLE or run your code (--octave, --python, ...), not both");
            }
            // Their function runs at one lambda: 3, the exercise's, unless given, so that penalty mistakes show.
            DiagnosisProblem p = problem();
            return UserCodeDiagnosis.run(code, lambda == null ? p.withLambda(3) : p, p.activation(),
                    spec.commandLine().getOut(), json, plot, spec.commandLine().getErr());
        }
        if (table == null) {
            throw new InputException("diagnose: give TABLE, a file with the two columns (or - for standard input)");
        }
        String text = table.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : readTable(Path.of(table));
        Columns columns = TableParser.parse(text, table.equals("-") ? "standard input" : table);
        DiagnosisProblem problem = problem();
        DiagnosisResult result = Diagnoser.diagnose(problem, columns,
                lambda == null ? Lambdas.EXERCISE : List.of(lambda));
        print(spec.commandLine().getOut(), result, json);
        plotColumns(plot, table, problem, columns, result, spec.commandLine().getErr());
        return result.correct() ? Main.OK : Main.FAILED;
    }

    /** The problem of --activation, --output and (given) --weights and --data; lambda as given or 0. */
    DiagnosisProblem problem() throws IOException {
        Activation g = Activations.parse(activation);
        Loss loss = Loss.parse(output);
        double l = lambda == null ? 0 : lambda;
        if ((weights == null) != (dataFile == null)) {
            throw new InputException("diagnose: --weights and --data go together");
        }
        if (weights == null) {
            return DiagnosisProblem.debug(g, loss, l);
        }
        WeightsAndData wd = WeightsAndData.read(weights, dataFile, labelFile, labels, limit, g, loss);
        return DiagnosisProblem.of(wd.network(), l, wd.parameters(), wd.features(), wd.labels());
    }

    /** Draws the two columns (when {@code plot} is given), each row assigned to its block of the problem's parameters. */
    static void plotColumns(Path plot, String source, DiagnosisProblem problem, Columns columns, DiagnosisResult result,
                            PrintWriter err) throws IOException {
        if (plot == null) {
            return;
        }
        String[] blocks = new String[columns.rows()];
        for (int i = 0; i < blocks.length; i++) {
            final int row = i;
            blocks[i] = problem.layout().blocks().stream().filter(b -> b.contains(row)).map(theta.nn.Block::name)
                    .findFirst().orElse("beyond the parameters");
        }
        theta.plot.GradientPlot.write(plot, "theta diagnose " + source + ": " + (result.correct()
                ? "both columns right" : "a mistake found"), columns.numerical(), columns.analytical(), blocks, null);
        err.println("wrote " + plot);
    }

    static void print(PrintWriter out, DiagnosisResult result, boolean json) {
        if (json) {
            out.println(Json.PRETTY.toJson(result.toJson()));
        } else {
            DiagnoseReport.print(out, result);
        }
    }

    private static String readTable(Path file) throws IOException {
        return InputFiles.readText(file);
    }
}
