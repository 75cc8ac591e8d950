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

    @Override
    public Integer call() {
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
