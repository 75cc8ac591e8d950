package theta.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import theta.data.Dataset;
import theta.eval.Evaluation;
import theta.eval.Evaluator;
import theta.math.Precision;
import theta.math.Vec;
import theta.nn.Model;

/** The figures of an evaluation: confusion.png, class-scores.png and wrong.png in one folder. */
public final class EvaluationPlots {
    public static final String CONFUSION = "confusion.png";
    public static final String SCORES = "class-scores.png";
    public static final String WRONG = "wrong.png";
    /** Mistakes shown in the grid when not told otherwise. */
    public static final int DEFAULT_WORST = 24;

    private EvaluationPlots() {}

    /** Evaluates a model on a dataset in float64, keeping the {@code worst} most confident mistakes. */
    public static Evaluation evaluate(Model model, Dataset d, int worst) {
        if (d.features() != model.network().architecture().inputs()) {
            throw new IllegalArgumentException("the model expects " + model.network().architecture().inputs()
                    + " inputs; " + d.name() + " has " + d.features());
        }
        Vec params = Precision.F64.zeros(model.params().length);
        params.copyFrom(model.params());
        return Evaluator.evaluate(model.network(), params, d, model.network().workspace(500, Precision.F64), worst);
    }

    /** Writes the figures into {@code dir}; {@code name} (e.g. the model file) heads the titles. Returns the files. */
    public static List<Path> write(Path dir, Evaluation e, Dataset d, String name) throws IOException {
        List<Path> written = new ArrayList<>();
        Path confusion = dir.resolve(CONFUSION);
        Charts.write(confusion, ConfusionPlot.draw(e, name + ": confusion matrix"));
        written.add(confusion);
        Path scores = dir.resolve(SCORES);
        Charts.write(scores, ClassScoresPlot.draw(e, name + ": per-class precision and recall on " + e.dataset()));
        written.add(scores);
        if (!e.confidentlyWrong().isEmpty() && isImage(d)) {
            Path wrong = dir.resolve(WRONG);
            Charts.write(wrong, WrongDigits.draw(e.confidentlyWrong(), d, name + ": the most confidently wrong images"));
            written.add(wrong);
        }
        return written;
    }

    /** True when the examples are images (rows x cols pixels) that can be drawn. */
    static boolean isImage(Dataset d) {
        return d.rows() > 0 && d.rows() * d.cols() == d.features();
    }
}
