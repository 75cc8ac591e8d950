package theta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import theta.io.ModelFile;
import theta.nn.Model;
import theta.plot.Charts;
import theta.plot.CurvesPlot;
import theta.plot.Histories;
import theta.plot.ModelPlots;
import theta.plot.WeightTiles;
import theta.train.EpochRecord;
import theta.io.InputFiles;

/** theta plot: redraws a model's figures (curves, weight tiles) or a history's curves from saved files. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Redraws the figures of a saved model or training history as PNG.",
        description = {"For a model: MODEL.curves.png from its history and MODEL.weights.png; for a history file"
            + " (.history.csv or .history.json): the curves."})
public final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL|HISTORY", description = "A model (.npz) or a history (.csv, .json).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the figures (default: beside the file).")
    Path dir;

    @Option(names = "--units", paramLabel = "N", defaultValue = "" + WeightTiles.DEFAULT_UNITS,
            description = "Hidden units drawn in the weight tiles (default: ${DEFAULT-VALUE}).")
    int units;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (units < 1) {
            throw new IllegalArgumentException("--units must be at least 1, got " + units);
        }
        InputFiles.requireFile(file);
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        List<Path> written;
        if (lower.endsWith(".npz")) {
            Model model = ModelFile.read(file);
            written = ModelPlots.write(file, model, theta.plot.ModelReport.history(file, model), units, dir);
        } else if (lower.endsWith(".csv") || lower.endsWith(".json")) {
            List<EpochRecord> history = Histories.read(file);
            // runs/model.history.csv -> runs/model.curves.png
            String stem = name.replaceFirst("(?i)(\\.history)?\\.(csv|json)$", "");
            Path base = (dir == null ? file.toAbsolutePath().getParent() : dir).resolve(stem + ".npz");
            Path curves = ModelPlots.curvesPath(base);
            Charts.write(curves, CurvesPlot.draw(history, stem));
            written = List.of(curves);
        } else {
            throw new IllegalArgumentException(file + ": expected a model (.npz) or a history (.csv, .json)");
        }
        written.forEach(p -> out.println("wrote " + p));
        return Main.OK;
    }
}
