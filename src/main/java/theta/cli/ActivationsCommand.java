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
        description = "Lists the built-in activations (spec with default parameters, and kinks).")
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
        out.printf("%-40s %s%n", "spec (defaults)", "kinks");
        for (Activation a : Activations.builtins()) {
            String kinks = Arrays.stream(a.kinks()).mapToObj(k -> String.format(java.util.Locale.ROOT, "%g", k))
                    .collect(Collectors.joining(", "));
            out.printf("%-40s %s%n", a.spec(), kinks);
        }
        out.printf("%d activations; pass parameters as NAME:key=value,...%n", Activations.builtins().size());
        return Main.OK;
    }
}
