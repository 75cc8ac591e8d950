package theta.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import theta.InputException;
import theta.data.Dataset;
import theta.data.FashionMnist;
import theta.data.Splits;
import theta.data.TextArt;

/** {@code theta data show N}: one example drawn as text, with its label. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
        header = "Draws example N of a split as text, with its label.")
final class DataShowCommand implements Runnable {
    /** The three splits by name. */
    enum SetName { TRAIN, VALIDATION, TEST }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "N", description = "Index of the example in its split (from 0).")
    int index;

    @Option(names = "--set", paramLabel = "train|validation|test", defaultValue = "train",
            description = "Which split (default: ${DEFAULT-VALUE}).")
    SetName set;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Splits s = data.load(line -> {
            err.println(line);
            err.flush();
        });
        Dataset d = switch (set) {
            case TRAIN -> s.train();
            case VALIDATION -> s.validation();
            case TEST -> s.test();
        };
        String setName = set.name().toLowerCase(java.util.Locale.ROOT);
        if (index < 0 || index >= d.size()) {
            throw new InputException("show " + index + ": the " + setName + " set has " + d.size()
                    + " examples" + (d.size() > 0 ? " (0.." + (d.size() - 1) + ")" : ""));
        }
        int label = d.label(index);
        boolean fashion = d.name().startsWith(FashionMnist.NAME) && d.classes() == 10;
        out.printf("%s example %d: label %d%s%n", setName, index, label,
                fashion ? " (" + FashionMnist.CLASS_NAMES.get(label) + ")" : "");
        out.print(TextArt.render(d, index));
        out.flush();
    }
}
