package theta.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import theta.InputException;
import theta.Version;
import theta.io.InputFiles;

/** The command-line entry point: parses arguments, runs one subcommand, maps errors to exit codes. */
@Command(name = "theta", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
        description = "Train, check and serve a one-hidden-layer neural network on MNIST.",
        subcommands = {
                TrainCommand.class,
                EvaluateCommand.class,
                PredictCommand.class,
                GradcheckCommand.class,
                CostCommand.class,
                DiagnoseCommand.class,
                ActivationsCommand.class,
                ExportCommand.class,
                ServeCommand.class,
                DataCommand.class,
                BenchCommand.class,
                PlotCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {
    /** Success. */
    public static final int OK = 0;
    /** A check ran and failed (gradient check, verification). */
    public static final int FAILED = 1;
    /** Usage or input error: bad option, malformed file, missing data. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // Plots are drawn with AWT; a server or CI has no display to look for.
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs theta with the given arguments and streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        String unknown = unknownCommand(cl, args);
        if (unknown != null) {
            err.println(unknown);
            return BAD_INPUT;
        }
        return cl.execute(args);
    }

    /**
     * The one-line error for a word where a command is expected and no command has that name, or
     * null. Checked before picocli parses, so that {@code theta nosuch --help} is an error too
     * rather than the main usage, and {@code theta help nosuch} is one line rather than picocli's two.
     */
    static String unknownCommand(CommandLine cl, String[] args) {
        CommandLine current = cl;
        for (String arg : args) {
            if (arg.startsWith("-") || current.getSubcommands().isEmpty()) {
                return null;
            }
            CommandLine sub = current.getSubcommands().get(arg);
            if (sub == null) {
                return "theta: " + arg + ": unknown command; commands of '" + current.getCommandName() + "': "
                        + String.join(", ", current.getSubcommands().keySet());
            }
            if (sub.getCommand() instanceof CommandLine.HelpCommand) {
                // 'help NAME' names a command of this same level: check NAME here too
                continue;
            }
            current = sub;
        }
        return null;
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handleError);
        cl.setParameterExceptionHandler(Main::handleUsage);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static int handleUsage(CommandLine.ParameterException e, String[] args) {
        e.getCommandLine().getErr().println("theta: " + usageMessage(e) + "; see '"
                + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
        return BAD_INPUT;
    }

    /** picocli's complaint reworded as "option: what is wrong", to fit on the one line. */
    static String usageMessage(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            List<String> near = u.getSuggestions();
            return arg + ": " + (arg.startsWith("-") ? "unknown option" : "unexpected argument")
                    + (near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)");
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            CommandLine.Model.ArgSpec a = m.getMissing().get(0);
            return a instanceof CommandLine.Model.OptionSpec o ? o.longestName() + ": required, not given"
                    : "missing argument " + a.paramLabel();
        }
        String msg = String.valueOf(e.getMessage());
        java.util.regex.Matcher invalid = java.util.regex.Pattern
                .compile("Invalid value for (?:option|positional parameter at index \\S+) '([^']*)': (.*)").matcher(msg);
        if (invalid.matches()) {
            return invalid.group(1) + ": " + invalid.group(2).replace(" is not a long", " is not a whole number")
                    .replace(" is not an int", " is not a whole number").replace(" is not a double", " is not a number");
        }
        return msg;
    }

    private static int handleError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof InputException || t instanceof IllegalArgumentException) {
            err.println("theta: " + t.getMessage());
            return BAD_INPUT;
        }
        if (t instanceof IOException io) {
            err.println("theta: " + InputFiles.describe(io));
            return BAD_INPUT;
        }
        err.println("theta: internal error: " + t);
        if (System.getenv("THETA_DEBUG") != null) {
            t.printStackTrace(err);
        } else {
            err.println("(set THETA_DEBUG=1 for the stack trace)");
        }
        return 3;
    }

    /** Prints the version of theta, the Java runtime and the operating system. */
    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "theta " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            };
        }
    }
}
