package theta.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine.Option;
import theta.nn.Model;
import theta.plot.ModelPlots;
import theta.plot.WeightTiles;
import theta.train.EpochRecord;

/** theta train's figures: the curves and weight tiles written beside the model after the run. */
public final class PlotOptions {
    @Option(names = "--no-plots", description = "Do not draw MODEL.curves.png and MODEL.weights.png after training.")
    boolean noPlots;

    @Option(names = "--units", paramLabel = "N", defaultValue = "" + WeightTiles.DEFAULT_UNITS,
            description = "Hidden units drawn in MODEL.weights.png (default: ${DEFAULT-VALUE}).")
    int units;

    /**
     * Draws the figures beside the saved model. The model is already safe on disk, so a figure
     * that cannot be drawn is reported on {@code err} and does not fail the run.
     */
    void afterTraining(PrintWriter out, PrintWriter err, Path modelFile, Model model, List<EpochRecord> history) {
        if (noPlots) {
            return;
        }
        try {
            List<Path> files = ModelPlots.write(modelFile, model, history, units, null);
            out.println("plots: " + files.stream().map(Path::toString).collect(Collectors.joining(", ")));
        } catch (IOException | RuntimeException e) {
            err.println("theta: plots not written: " + e.getMessage());
        }
    }

    /** Refuses a bad --units before a long run rather than after it. */
    void check() {
        if (units < 1) {
            throw new IllegalArgumentException("--units must be at least 1, got " + units);
        }
    }
}
