package theta.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import theta.activation.Activation;
import theta.activation.Activations;

/** theta activations: the built-in activations with their default parameters and kinks. */
@Command(name = "activations", mixinStandardHelpOptions = true,
        header = "Lists the built-in activations with their default parameters, rate factors and kinks.")
public final class ActivationsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--names", description = "Print the names only, one per line (for scripts).")
    boolean namesOnly;

    @Option(names = "--plot", paramLabel = "DIR",
            description = "Draw each activation and its derivative, kinks marked, as DIR/NAME.png.")
    java.nio.file.Path plot;

    @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "SPEC",
            description = "With --plot: only these activations, e.g. elu:alpha=0.5 (default: every built-in one).")
    java.util.List<String> only = new java.util.ArrayList<>();

    @Override
    public Integer call() throws java.io.IOException {
        if (!only.isEmpty() && plot == null) {
            throw new IllegalArgumentException("activation names are for --plot DIR; without it all are listed");
        }
        if (plot != null) {
            java.util.List<Activation> drawn = only.isEmpty() ? Activations.builtins()
                    : only.stream().map(Activations::parse).toList();
            for (Activation a : drawn) {
                theta.plot.Charts.write(plot.resolve(theta.plot.ActivationPlot.fileName(a)), theta.plot.ActivationPlot.draw(a));
            }
            spec.commandLine().getErr().println("wrote " + drawn.size() + " plots to " + plot);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (namesOnly) {
            Activations.names().forEach(out::println);
            return Main.OK;
        }
        out.printf("%-40s %-8s %s%n", "spec (defaults)", "lr x", "kinks");
        for (Activation a : Activations.builtins()) {
            String kinks = Arrays.stream(a.kinks()).mapToObj(k -> String.format(java.util.Locale.ROOT, "%g", k))
                    .collect(Collectors.joining(", "));
            out.printf(java.util.Locale.ROOT, "%-40s %-8s %s%n", a.spec(), plain(a.learningRateScale()), kinks);
        }
        out.printf("%d activations; pass parameters as NAME:key=value,...%n", Activations.builtins().size());
        out.println("lr x: the factor applied to the recipe's learning rate when --lr is not given");
        return Main.OK;
    }

    /** 0.5, 1, 0.1: no trailing zeros. */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
