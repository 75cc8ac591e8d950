package theta.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import theta.activation.Activation;
import theta.activation.Activations;
import theta.check.CheckOptions;
import theta.check.CheckReport;
import theta.check.GradCheckSuite;
import theta.check.SimulatedBug;
import theta.data.Dataset;
import theta.io.Json;
import theta.loss.Loss;

/** theta gradcheck: numerical vs analytical gradients for every activation x output x lambda. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Checks the analytical gradient against central differences for every activation, output and lambda.",
        description = {"Runs in float64 on the classic debug network (3-5-3, m = 5, weights sin(1..N)/10) and on a"
            + " real MNIST mini-batch through a 784-h-10 network (a sample of the parameters).",
            "Exit code 0 when every check passes, 1 when one fails (with a diagnosis of why)."})
public final class GradcheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--activation", split = ",", paramLabel = "SPEC",
            description = "Activations to check, e.g. tanh or elu:alpha=0.5 (default: all built-in).")
    List<String> activations;

    @Option(names = "--output", split = ",", paramLabel = "OUT",
            description = "Outputs: softmax, sigmoid, sigmoid_mse (default: all).")
    List<String> outputs;

    @Option(names = "--lambda", split = ",", paramLabel = "L", defaultValue = "0,3",
            description = "Regularisation strengths (default: ${DEFAULT-VALUE}).")
    double[] lambdas;

    @Option(names = "--show", paramLabel = "N", defaultValue = "0",
            description = "Print the first N entries of each check side by side: numerical, analytical, relative error.")
    int show;

    @Option(names = "--eps", defaultValue = "1e-4", description = "Central-difference step h (default: ${DEFAULT-VALUE}).")
    double eps;

    @Option(names = "--order", defaultValue = "4",
            description = "Difference formula: 2 = classic (f(x+h)-f(x-h))/2h, error O(h^2); 4 = five-point, error O(h^4) (default: ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--tolerance", defaultValue = "1e-9",
            description = "Pass when norm(num-ana)/norm(num+ana) is below this on the debug network (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--mnist", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also check on a real MNIST mini-batch (default: on; --no-mnist to skip).")
    boolean mnist;

    @Option(names = "--batch", defaultValue = "32", description = "MNIST mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--hidden", defaultValue = "16", description = "Hidden units of the MNIST check network (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--per-block", defaultValue = "12",
            description = "Parameters checked per block on MNIST (default: ${DEFAULT-VALUE}).")
    int perBlock;

    @Option(names = "--mnist-tolerance", defaultValue = "1e-9",
            description = "Tolerance of the MNIST check (default: ${DEFAULT-VALUE}).")
    double mnistTolerance;

    @Option(names = "--bug", paramLabel = "BUG", defaultValue = "none",
            description = "Put a known mistake into the cost to see the diagnosis: none, not-averaged,"
                    + " penalty-subtracted, penalty-not-halved, question (both of the classic mistakes), gradient-sign.")
    String bug;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Draw numerical against analytical derivatives (PNG) of the first failing check, or of the"
                    + " first check when all pass.")
    java.nio.file.Path plot;

    @Mixin
    DataOptions data;

    /** CheckOptions checks these too; here each complaint names its option. */
    private void checkOptions() {
        require(eps > 0 && eps < 1, "--eps " + theta.math.Spec.format(eps) + ": must be in (0, 1)");
        require(order == 2 || order == 4, "--order " + order + ": must be 2 or 4");
        require(tolerance > 0, "--tolerance " + theta.math.Spec.format(tolerance) + ": must be > 0");
        require(mnistTolerance > 0, "--mnist-tolerance " + theta.math.Spec.format(mnistTolerance) + ": must be > 0");
        require(perBlock >= 1, "--per-block " + perBlock + ": must be 1 or more");
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Activation> acts = activations == null ? Activations.builtins()
                : activations.stream().map(Activations::parse).toList();
        List<Loss> losses = outputs == null ? List.of(Loss.values()) : outputs.stream().map(Loss::parse).toList();
        SimulatedBug simulated = SimulatedBug.parse(bug);
        checkOptions();
        CheckOptions debugOpts = CheckOptions.defaults().withEps(eps).withOrder(order).withTolerance(tolerance);
        CheckOptions batchOpts = CheckOptions.defaults().withEps(eps).withOrder(order).withTolerance(mnistTolerance)
                .withPerBlock(perBlock);
        GradCheckSuite.Batch batch = mnist ? mnistBatch() : null;
        GradcheckReport report = new GradcheckReport(out, show);
        if (!json) {
            report.header(debugOpts, batch, batchOpts, simulated);
        }
        List<GradCheckSuite.Result> results = GradCheckSuite.all(acts, losses, lambdas, simulated, debugOpts, batch,
                hidden, batchOpts, r -> {
                    if (!json) {
                        report.row(r);
                    }
                });
        if (json) {
            out.println(Json.PRETTY.toJson(GradcheckReport.toJson(results)));
        } else {
            report.footer(results);
        }
        if (plot != null && !results.isEmpty()) {
            GradCheckSuite.Result shown = results.stream().filter(r -> !r.report().passed()).findFirst()
                    .orElse(results.get(0));
            String title = GradcheckReport.title(shown);
            theta.plot.Charts.write(plot, theta.plot.GradientPlot.draw(title, shown.report()));
            spec.commandLine().getErr().println("wrote " + plot + ": " + title);
        }
        return results.stream().allMatch(r -> r.report().passed()) ? Main.OK : Main.FAILED;
    }

    private GradCheckSuite.Batch mnistBatch() {
        if (batchSize < 1 || batchSize > 10000) {
            throw new IllegalArgumentException("--batch must be in 1..10000, got " + batchSize);
        }
        Dataset train = data.load(msg -> spec.commandLine().getErr().println(msg)).train();
        int m = Math.min(batchSize, train.size());
        return new GradCheckSuite.Batch(train.name() + String.format(Locale.ROOT, "[0..%d)", m),
                train.rowsAsDoubles(m), train.labels(), m, train.classes());
    }
}
