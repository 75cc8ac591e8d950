package theta.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import theta.activation.Activation;

/** An activation g and its derivative g' on one chart, with its kinks marked where g' jumps. */
public final class ActivationPlot {
    static final int POINTS = 801;
    static final double HALF_WIDTH = 4;

    private ActivationPlot() {}

    /** The file name for an activation's plot: its name without parameters, e.g. elu.png. */
    public static String fileName(Activation a) {
        String spec = a.spec();
        int colon = spec.indexOf(':');
        return (colon < 0 ? spec : spec.substring(0, colon)) + ".png";
    }

    /** The x range drawn: [-4, 4], widened to show every kink with a margin. */
    static double[] range(Activation a) {
        double lo = -HALF_WIDTH;
        double hi = HALF_WIDTH;
        for (double k : a.kinks()) {
            if (Double.isFinite(k)) {
                lo = Math.min(lo, k - 1);
                hi = Math.max(hi, k + 1);
            }
        }
        return new double[] {lo, hi};
    }

    public static BufferedImage draw(Activation a) {
        double[] r = range(a);
        double[] kinks = Arrays.stream(a.kinks()).filter(k -> k > r[0] && k < r[1]).sorted().toArray();
        // Samples on a grid plus each kink approached from both sides, so that jumps of g or g' show as such.
        double[] x = new double[POINTS + 2 * kinks.length];
        for (int i = 0; i < POINTS; i++) {
            x[i] = r[0] + (r[1] - r[0]) * i / (POINTS - 1);
        }
        for (int i = 0; i < kinks.length; i++) {
            double h = 1e-9 * Math.max(1, Math.abs(kinks[i]));
            x[POINTS + 2 * i] = kinks[i] - h;
            x[POINTS + 2 * i + 1] = kinks[i] + h;
        }
        Arrays.sort(x);
        double[] y = new double[x.length];
        double[] dy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = a.f(x[i]);
            dy[i] = a.df(x[i], y[i]);
        }
        XYChart c = new XYChartBuilder().width(760).height(480).title(a.spec() + ": g(x) and g'(x)")
                .xAxisTitle("x (pre-activation)").yAxisTitle("value").build();
        Charts.style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setXAxisMin(r[0]);
        c.getStyler().setXAxisMax(r[1]);
        XYSeries g = c.addSeries("g(x)", x, y);
        g.setMarker(SeriesMarkers.NONE);
        g.setLineStyle(new BasicStroke(2.5f));
        XYSeries d = c.addSeries("g'(x)", x, dy);
        d.setMarker(SeriesMarkers.NONE);
        d.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f));
        if (kinks.length > 0) {
            double[] ky = Arrays.stream(kinks).map(a::f).toArray();
            String at = String.join(", ", Arrays.stream(kinks).mapToObj(k -> String.format(Locale.ROOT, "%.3g", k)).toList());
            XYSeries k = c.addSeries("kink: g' jumps at x = " + at, kinks, ky);
            k.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            k.setMarker(SeriesMarkers.DIAMOND);
            k.setMarkerColor(new Color(200, 0, 0));
        }
        return Charts.image(c);
    }
}
