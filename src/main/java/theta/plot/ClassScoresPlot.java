package theta.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import theta.eval.Evaluation;

/** Per-class precision and recall as grouped bars, in percent. */
public final class ClassScoresPlot {
    private ClassScoresPlot() {}

    public static BufferedImage draw(Evaluation e, String title) {
        List<String> classes = new ArrayList<>();
        List<Double> precision = new ArrayList<>();
        List<Double> recall = new ArrayList<>();
        double low = 100;
        for (int k = 0; k < e.classes(); k++) {
            classes.add(Integer.toString(k));
            precision.add(100 * e.precision(k));
            recall.add(100 * e.recall(k));
            low = Math.min(low, Math.min(100 * e.precision(k), 100 * e.recall(k)));
        }
        CategoryChart c = new CategoryChartBuilder().width(900).height(420).title(title)
                .xAxisTitle("class").yAxisTitle("score (%)").build();
        Charts.style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        // Scores sit near 100%: bars from 0 would all look the same height.
        c.getStyler().setYAxisMin(Math.max(0, Math.floor(low / 2 - 0.5) * 2));
        c.getStyler().setYAxisMax(100.0);
        c.getStyler().setYAxisDecimalPattern("0.0");
        c.addSeries("precision: of the images predicted k, the share that are k", classes, precision);
        c.addSeries("recall: of the images of class k, the share predicted k", classes, recall);
        return Charts.image(c);
    }
}
