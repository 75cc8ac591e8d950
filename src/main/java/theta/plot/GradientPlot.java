package theta.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import theta.check.CheckReport;

/**
 * Numerical against analytical derivative, one point per parameter, on log-magnitude axes with
 * the diagonal where they agree. Blocks have their own colours; a cross marks a parameter whose
 * two derivatives have opposite signs (the axes show magnitudes); a gray diamond one whose
 * probes straddle a kink of the activation (not counted by the check). A block whose points lie
 * on a line numerical = a * analytical off the diagonal gets that line drawn and labelled: a cost
 * m times its gradient shows as a parallel line log10(m) above the diagonal.
 */
public final class GradientPlot {
    static final int WIDTH = 940;
    static final int HEIGHT = 800;
    private static final float[][] DASHES = {{8f, 5f}, {3f, 4f}, {12f, 4f, 3f, 4f}};
    /** Magnitudes below this (zeros included) are drawn at it. */
    static final double FLOOR = 1e-16;

    private GradientPlot() {}

    /** Writes the plot of one check's entries (see {@link #draw}). */
    public static void write(Path file, String title, double[] numerical, double[] analytical, String[] blocks,
                             boolean[] nearKink) throws IOException {
        Charts.write(file, draw(title, numerical, analytical, blocks, nearKink));
    }

    /** The plot of a check report's entries. */
    public static BufferedImage draw(String title, CheckReport r) {
        int n = r.entries().size();
        double[] num = new double[n];
        double[] ana = new double[n];
        String[] blocks = new String[n];
        boolean[] kink = new boolean[n];
        for (int i = 0; i < n; i++) {
            CheckReport.Entry e = r.entries().get(i);
            num[i] = e.numerical();
            ana[i] = e.analytical();
            blocks[i] = e.block();
            kink[i] = e.nearKink();
        }
        return draw(title, num, ana, blocks, kink);
    }

    /**
     * The plot of two columns of derivatives, one row per parameter; {@code blocks} names each
     * row's block, {@code nearKink} (may be null) flags rows whose probes straddle a kink.
     */
    public static BufferedImage draw(String title, double[] numerical, double[] analytical, String[] blocks,
                                     boolean[] nearKink) {
        int n = numerical.length;
        if (analytical.length != n || blocks.length != n || (nearKink != null && nearKink.length != n)) {
            throw new IllegalArgumentException("numerical, analytical, block names and kink flags differ in length");
        }
        if (n == 0) {
            throw new IllegalArgumentException("no derivatives to plot");
        }
        Map<String, Points> byBlock = new LinkedHashMap<>();
        Points kinks = new Points();
        Points signs = new Points();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 0; i < n; i++) {
            double x = mag(analytical[i]);
            double y = mag(numerical[i]);
            lo = Math.min(lo, Math.min(x, y));
            hi = Math.max(hi, Math.max(x, y));
            if (nearKink != null && nearKink[i]) {
                kinks.add(x, y, numerical[i], analytical[i]);
                continue;
            }
            byBlock.computeIfAbsent(blocks[i], b -> new Points()).add(x, y, numerical[i], analytical[i]);
            if (Math.signum(numerical[i]) * Math.signum(analytical[i]) < 0) {
                signs.add(x, y, numerical[i], analytical[i]);
            }
        }
        lo = Math.pow(10, Math.floor(Math.log10(lo)));
        hi = Math.pow(10, Math.ceil(Math.log10(Math.max(hi, lo * 10))));
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("|analytical derivative| (log scale)").yAxisTitle("|numerical derivative| (log scale)").build();
        Charts.style(c.getStyler());
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setXAxisMin(lo);
        c.getStyler().setXAxisMax(hi);
        c.getStyler().setYAxisMin(lo);
        c.getStyler().setYAxisMax(hi);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        c.getStyler().setMarkerSize(7);
        line(c, "numerical = analytical (where they agree)", lo, hi, 1, Color.GRAY, null);
        int dash = 0;
        for (Map.Entry<Double, List<String>> f : fittedSlopes(byBlock).entrySet()) {
            line(c, String.format(Locale.ROOT, "%s: numerical = %.3g x analytical", f.getValue().size() == byBlock.size() && byBlock.size() > 1 ? "every block" : String.join(", ", f.getValue()),
                    f.getKey()), lo, hi, Math.abs(f.getKey()), new Color(213, 94, 0), DASHES[dash++ % DASHES.length]);
        }
        int colour = 0;
        for (Map.Entry<String, Points> b : byBlock.entrySet()) {
            XYSeries s = c.addSeries(b.getKey() + " (" + b.getValue().x.size() + ")", b.getValue().xs(), b.getValue().ys());
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Charts.PALETTE[colour++ % Charts.PALETTE.length]);
        }
        if (!signs.x.isEmpty()) {
            XYSeries s = c.addSeries("signs differ (" + signs.x.size() + ")", signs.xs(), signs.ys());
            s.setMarker(SeriesMarkers.CROSS);
            s.setMarkerColor(new Color(200, 0, 0));
        }
        if (!kinks.x.isEmpty()) {
            XYSeries s = c.addSeries("probes straddle a kink, not counted (" + kinks.x.size() + ")", kinks.xs(), kinks.ys());
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(new Color(90, 90, 90));
        }
        return Charts.image(c);
    }

    /** As {@link #fittedSlopes(Map)} for columns of derivatives (none near a kink). */
    static Map<Double, List<String>> fittedSlopes(double[] numerical, double[] analytical, String[] blocks) {
        Map<String, Points> byBlock = new LinkedHashMap<>();
        for (int i = 0; i < numerical.length; i++) {
            byBlock.computeIfAbsent(blocks[i], b -> new Points()).add(0, 0, numerical[i], analytical[i]);
        }
        return fittedSlopes(byBlock);
    }

    /**
     * The slopes of blocks that lie on a line numerical = a * analytical away from the diagonal,
     * blocks with the same slope (within 1%) together: the "constant ratio" mistakes.
     */
    private static Map<Double, List<String>> fittedSlopes(Map<String, Points> byBlock) {
        Map<Double, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Points> b : byBlock.entrySet()) {
            double a = b.getValue().slope();
            if (!Double.isFinite(a) || Math.abs(a - 1) < 0.02) {
                continue;
            }
            Double same = out.keySet().stream().filter(k -> Math.abs(k - a) <= 0.01 * Math.abs(a)).findFirst().orElse(a);
            out.computeIfAbsent(same, k -> new ArrayList<>()).add(b.getKey());
        }
        return out;
    }

    private static void line(XYChart c, String name, double lo, double hi, double slope, Color colour, float[] dash) {
        // y = slope * x on log axes: a straight line, shifted by log10(slope) from the diagonal.
        double x0 = Math.max(lo, lo / slope);
        double x1 = Math.min(hi, hi / slope);
        if (!(x1 > x0)) {
            return;
        }
        XYSeries s = c.addSeries(name, new double[] {x0, x1}, new double[] {slope * x0, slope * x1});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(dash == null ? new BasicStroke(1.5f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
    }

    private static double mag(double v) {
        double m = Math.abs(v);
        return Double.isFinite(m) && m >= FLOOR ? m : FLOOR;
    }

    private static final class Points {
        final List<Double> x = new ArrayList<>();
        final List<Double> y = new ArrayList<>();
        double sumNa;
        double sumAa;
        double sumNn;

        void add(double px, double py, double num, double ana) {
            x.add(px);
            y.add(py);
            sumNa += num * ana;
            sumAa += ana * ana;
            sumNn += num * num;
        }

        /** The least-squares a of numerical = a * analytical, or NaN when the points do not lie on such a line. */
        double slope() {
            if (sumAa == 0 || sumNn == 0) {
                return Double.NaN;
            }
            double a = sumNa / sumAa;
            // residual sum of squares of the fit, relative to the numerical column's
            double rss = sumNn - 2 * a * sumNa + a * a * sumAa;
            return rss <= 1e-4 * sumNn ? a : Double.NaN;
        }

        double[] xs() {
            return x.stream().mapToDouble(Double::doubleValue).toArray();
        }

        double[] ys() {
            return y.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
