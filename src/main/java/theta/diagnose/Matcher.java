package theta.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import theta.nn.Block;
import theta.nn.Layout;

/**
 * Matches one written column against candidate columns. Entry i agrees when
 * <pre>|written - candidate| <= 2 * resolution_i + 1e-6 * max(|written|, |candidate|) + 1e-8 * scale</pre>
 * where resolution_i is half a unit of the entry's last printed digit (so a 5-digit entry is
 * allowed about 1e-4 relative), the 1e-6 covers float64 columns computed by another program
 * (rounding in J reaches the numerical gradient divided by 2e), and the floor, relative to the
 * candidate's largest entry, lets entries that are zero up to rounding agree. A column matches a
 * candidate when every entry agrees.
 */
final class Matcher {
    static final double RELATIVE = 1e-6;
    static final double FLOOR = 1e-8;
    private static final int NEAREST = 3;

    private Matcher() {}

    static int disagreeing(double[] written, double[] resolution, double[] candidate) {
        double scale = 0;
        for (double c : candidate) {
            scale = Math.max(scale, Math.abs(c));
        }
        double floor = FLOOR * scale;
        int bad = 0;
        for (int i = 0; i < written.length; i++) {
            double w = written[i];
            double c = candidate[i];
            double tol = 2 * resolution[i] + RELATIVE * Math.max(Math.abs(w), Math.abs(c)) + floor;
            if (!(Math.abs(w - c) <= tol)) {
                bad++;
            }
        }
        return bad;
    }

    /** norm(a - b) / norm(a + b), 0 when both are 0. */
    static double relativeDifference(double[] a, double[] b, int from, int to) {
        double d = 0;
        double s = 0;
        for (int i = from; i < to; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
            s += (a[i] + b[i]) * (a[i] + b[i]);
        }
        return d == 0 ? 0 : Math.sqrt(d) / Math.sqrt(s);
    }

    static ColumnVerdict verdict(Side side, double[] written, double[] resolution, List<Candidate> candidates,
                                 Layout layout) {
        Candidate correct = candidates.stream().filter(Candidate::correct).findFirst().orElseThrow();
        List<Candidate> matching = new ArrayList<>();
        for (Candidate c : candidates) {
            if (disagreeing(written, resolution, c.values()) == 0) {
                matching.add(c);
            }
        }
        List<ColumnVerdict.BlockAgreement> blocks = blocks(written, resolution, correct.values(), layout);
        if (matching.isEmpty()) {
            List<ColumnVerdict.Nearest> nearest = candidates.stream()
                    .map(c -> nearest(written, resolution, c))
                    // A column that is a candidate times a constant first (a scaling slip theta does
                    // not list); then fewest disagreeing rows; then the relative difference, weighed
                    // by (1 + mistakes) so that a far-fetched combination must be much closer to rank first.
                    .sorted(Comparator.comparing((ColumnVerdict.Nearest n) -> !n.proportional())
                            .thenComparingInt(ColumnVerdict.Nearest::disagreeing)
                            .thenComparingDouble(n -> (Double.isNaN(n.relativeDifference()) ? 2 : n.relativeDifference())
                                    * (1 + n.candidate().mistakes().size())))
                    .limit(NEAREST)
                    .toList();
            return new ColumnVerdict(side, ColumnVerdict.Kind.UNKNOWN, List.of(), List.of(), blocks, nearest);
        }
        if (matching.get(0).correct()) {
            List<Candidate> also = matching.stream().filter(c -> c.mistakes().size() == 1).toList();
            return new ColumnVerdict(side, ColumnVerdict.Kind.CORRECT, List.of(correct), also, blocks, List.of());
        }
        int fewest = matching.stream().mapToInt(c -> c.mistakes().size()).min().orElseThrow();
        // Closest first: where mistakes agree with the column to the printed digits, the one that
        // agrees best is the likelier, and its fix is the one given.
        List<Candidate> best = matching.stream().filter(c -> c.mistakes().size() == fewest)
                .sorted(Comparator.comparingDouble(c -> relativeDifference(written, c.values(), 0, written.length)))
                .toList();
        return new ColumnVerdict(side, ColumnVerdict.Kind.MISTAKE, best, List.of(), blocks, List.of());
    }

    private static ColumnVerdict.Nearest nearest(double[] written, double[] resolution, Candidate c) {
        double[] v = c.values();
        double wc = 0;
        double cc = 0;
        double ww = 0;
        for (int i = 0; i < written.length; i++) {
            wc += written[i] * v[i];
            cc += v[i] * v[i];
            ww += written[i] * written[i];
        }
        double ratio = cc == 0 ? Double.NaN : wc / cc;
        double left = 0;
        for (int i = 0; i < written.length; i++) {
            double d = written[i] - ratio * v[i];
            left += d * d;
        }
        double scaled = ww == 0 || Double.isNaN(ratio) ? Double.NaN : Math.sqrt(left / ww);
        return new ColumnVerdict.Nearest(c, disagreeing(written, resolution, v), written.length,
                relativeDifference(written, v, 0, written.length), ratio, scaled);
    }

    private static List<ColumnVerdict.BlockAgreement> blocks(double[] written, double[] resolution, double[] correct,
                                                             Layout layout) {
        List<ColumnVerdict.BlockAgreement> out = new ArrayList<>();
        for (Block b : layout.blocks()) {
            int from = b.offset();
            int to = Math.min(b.end(), written.length);
            if (from >= to) {
                continue;
            }
            double[] w = java.util.Arrays.copyOfRange(written, from, to);
            double[] c = java.util.Arrays.copyOfRange(correct, from, to);
            double[] r = java.util.Arrays.copyOfRange(resolution, from, to);
            double wc = 0;
            double cc = 0;
            for (int i = 0; i < w.length; i++) {
                wc += w[i] * c[i];
                cc += c[i] * c[i];
            }
            out.add(new ColumnVerdict.BlockAgreement(b.name(), from, to, disagreeing(w, r, c) == 0,
                    relativeDifference(w, c, 0, w.length), cc == 0 ? Double.NaN : wc / cc));
        }
        return out;
    }
}
