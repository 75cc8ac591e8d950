package theta.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import theta.diagnose.Candidate;
import theta.diagnose.ColumnVerdict;
import theta.diagnose.DiagnosisResult;
import theta.diagnose.Lambdas;
import theta.diagnose.Side;

/** The human-readable diagnosis: the setup, each column's verdict, then the fix. */
final class DiagnoseReport {
    /** Indistinguishable explanations and coinciding mistakes listed by id beyond this many are counted only. */
    private static final int LIST = 8;

    private DiagnoseReport() {}

    static void print(PrintWriter out, DiagnosisResult r) {
        out.printf(Locale.ROOT, "problem   %s%n", r.problem().describe());
        out.printf(Locale.ROOT, "table     %d of %d rows, %d significant digits%n", r.rows(), r.problem().size(),
                r.digits());
        if (r.lambdasTried().size() > 1) {
            out.printf(Locale.ROOT, "lambda    tried %s: %s%n", join(r.lambdasTried()),
                    r.lambdasFitting().size() == 1 ? Lambdas.format(r.lambda()) + " fits"
                            : join(r.lambdasFitting()) + " fit equally (the diagnosis is for "
                                    + Lambdas.format(r.lambda()) + ")");
        }
        out.println();
        column(out, r.numerical());
        column(out, r.analytical());
        out.println();
        out.println("verdict   " + r.verdict());
        List<String> fix = r.fix();
        if (!fix.isEmpty()) {
            out.println();
            out.println("Fix:");
            fix.forEach(l -> out.println("  " + l));
        }
    }

    private static void column(PrintWriter out, ColumnVerdict c) {
        String label = c.side() == Side.NUMERICAL ? "left  (numerical) " : "right (analytical)";
        out.printf(Locale.ROOT, "%s  %s%n", label, c.verdict());
        switch (c.kind()) {
            case CORRECT -> {
                if (!c.alsoMatching().isEmpty()) {
                    out.printf(Locale.ROOT, "    on these rows the same numbers also come from: %s%n",
                            ids(c.alsoMatching()));
                }
            }
            case MISTAKE -> {
                if (c.matches().size() > 1) {
                    out.println("    indistinguishable on this problem:");
                    c.matches().stream().limit(LIST)
                            .forEach(m -> out.printf(Locale.ROOT, "    - %s: %s%n", m.id(), m.describe(c.side())));
                    if (c.matches().size() > LIST) {
                        out.printf(Locale.ROOT, "    - and %d more%n", c.matches().size() - LIST);
                    }
                }
            }
            case UNKNOWN -> {
                out.println("    per block, against the correct column:");
                for (ColumnVerdict.BlockAgreement b : c.blocks()) {
                    out.printf(Locale.ROOT, "    %-16s rows %3d..%-3d %-10s rel. difference %.2e  ratio %.4g%n",
                            b.block(), b.from() + 1, b.to(), b.agrees() ? "agrees" : "DISAGREES",
                            b.relativeDifference(), b.ratio());
                }
                out.println("    nearest candidates:");
                for (ColumnVerdict.Nearest n : c.nearest()) {
                    if (n.proportional()) {
                        out.printf(Locale.ROOT, "    - %.6g times %s (to %.1e): a constant factor theta does not know%n",
                                n.ratio(), n.candidate().id(), n.scaledDifference());
                    } else {
                        out.printf(Locale.ROOT, "    - %s (%d of %d rows disagree, rel. difference %.2e)%n",
                                n.candidate().id(), n.disagreeing(), n.rows(), n.relativeDifference());
                    }
                }
            }
        }
    }

    private static String ids(List<Candidate> list) {
        String s = list.stream().limit(LIST).map(Candidate::id).collect(Collectors.joining(", "));
        return list.size() > LIST ? s + " and " + (list.size() - LIST) + " more" : s;
    }

    private static String join(List<Double> lambdas) {
        return lambdas.stream().map(Lambdas::format).collect(Collectors.joining(", "));
    }
}
