package theta.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import theta.nn.Model;
import theta.train.EpochRecord;
import theta.train.HistoryFiles;

/** The figures kept beside a model file: MODEL.curves.png (training curves) and MODEL.weights.png (hidden units). */
public final class ModelPlots {
    private ModelPlots() {}

    public static Path curvesPath(Path model) {
        return HistoryFiles.sibling(model, ".curves.png");
    }

    public static Path weightsPath(Path model) {
        return HistoryFiles.sibling(model, ".weights.png");
    }

    /**
     * Draws the curves (when there is a history) and the first {@code units} hidden units' weight
     * tiles into {@code dir} (null: beside the model file), named after the model; returns the files written.
     */
    public static List<Path> write(Path modelFile, Model model, List<EpochRecord> history, int units, Path dir)
            throws IOException {
        Path base = dir == null ? modelFile : dir.resolve(modelFile.getFileName());
        String name = modelFile.getFileName().toString();
        List<Path> written = new ArrayList<>();
        if (!history.isEmpty()) {
            Path curves = curvesPath(base);
            Charts.write(curves, CurvesPlot.draw(history, name));
            written.add(curves);
        }
        Path weights = weightsPath(base);
        Charts.write(weights, WeightTiles.draw(model, units, name));
        written.add(weights);
        return written;
    }
}
