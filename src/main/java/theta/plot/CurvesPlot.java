package theta.plot;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import theta.train.EpochRecord;

/**
 * Training curves per epoch, in two panels sharing the epoch axis: the training and validation
 * loss above; the validation accuracy (left axis) and the learning rate (right axis) below.
 */
public final class CurvesPlot {
    static final int WIDTH = 900;
    static final int PANEL_HEIGHT = 380;

    private CurvesPlot() {}

    /** The figure for a history; {@code title} names the run (e.g. the model file). */
    public static BufferedImage draw(List<EpochRecord> history, String title) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException(title + ": the history has no epochs to plot");
        }
        double[] epoch = column(history, EpochRecord::epoch);
        double[] valAcc = column(history, r -> 100 * r.validationAccuracy());
        boolean validation = anyFinite(valAcc);

        XYChart loss = chart(title + ": loss per epoch", "loss (mean cross-entropy, nats)");
        line(loss, "training loss (mean of the epoch's batches, L2 penalty included)", epoch, column(history, EpochRecord::trainLoss));
        if (validation) {
            line(loss, "validation loss (after the epoch)", epoch, column(history, EpochRecord::validationLoss));
        }

        XYChart lower = chart(validation ? "validation accuracy and learning rate" : "learning rate",
                validation ? "validation accuracy (%)" : "learning rate");
        int lrGroup = 0;
        if (validation) {
            line(lower, "validation accuracy (%)", epoch, valAcc);
            lrGroup = 1;
            lower.setYAxisGroupTitle(1, "learning rate");
            lower.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        }
        XYSeries lr = line(lower, validation ? "learning rate (right axis)" : "learning rate", epoch,
                column(history, EpochRecord::learningRate));
        lr.setYAxisGroup(lrGroup);
        lr.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        return Charts.stack(Charts.image(loss), Charts.image(lower));
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        Charts.style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setXAxisDecimalPattern("0");
        return c;
    }

    private static XYSeries line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(x.length <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        return s;
    }

    static double[] column(List<EpochRecord> h, ToDoubleFunction<EpochRecord> f) {
        return h.stream().mapToDouble(f).toArray();
    }

    private static boolean anyFinite(double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                return true;
            }
        }
        return false;
    }
}
