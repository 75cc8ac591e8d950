package theta.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import theta.check.CheckOptions;
import theta.check.CheckReport;
import theta.check.GradCheckSuite;
import theta.check.SimulatedBug;
import theta.math.Spec;

/** Formats gradient-check results: a compact table, side-by-side entries, diagnoses, JSON. */
final class GradcheckReport {
    private final PrintWriter out;
    private final int show;

    GradcheckReport(PrintWriter out, int show) {
        this.out = out;
        this.show = show;
    }

    void header(CheckOptions debug, GradCheckSuite.Batch batch, CheckOptions batchOpts, SimulatedBug bug) {
        out.printf(Locale.ROOT, "Gradient check, float64, %s central differences, h = %g%n",
                debug.order() == 4 ? "fourth-order (five-point)" : "second-order", debug.eps());
        out.printf(Locale.ROOT, "  debug network: every parameter, pass when norm(num-ana)/norm(num+ana) < %g%n",
                debug.tolerance());
        if (batch != null) {
            out.printf(Locale.ROOT, "  %s: %d parameters per block, pass when < %g%n", batch.name(),
                    batchOpts.perBlock(), batchOpts.tolerance());
        }
        if (bug != SimulatedBug.NONE) {
            out.println("  with a simulated bug in the cost: " + bug);
        }
        out.println("  entries whose +/-eps straddle a kink of the activation are counted apart (column 'kinks')");
        out.println();
        out.printf(Locale.ROOT, "%-24s %-11s %6s  %-28s %10s %10s %5s  %s%n", "activation", "output", "lambda",
                "problem", "norm ratio", "worst rel", "kinks", "result");
        out.flush();
    }

    /** One line naming a check and its outcome, e.g. for a plot's title. */
    static String title(GradCheckSuite.Result r) {
        return String.format(Locale.ROOT, "%s / %s, lambda %s%s, %s: %s (norm ratio %.2e)", r.activation().spec(),
                r.loss(), Spec.format(r.lambda()), r.bug() == SimulatedBug.NONE ? "" : ", bug " + r.bug(), r.problem(),
                r.report().passed() ? "ok" : "FAIL", r.report().normRatio());
    }

    void row(GradCheckSuite.Result r) {
        CheckReport c = r.report();
        out.printf(Locale.ROOT, "%-24s %-11s %6s  %-28s %10.2e %10.2e %5d  %s%n", r.activation().spec(), r.loss(),
                Spec.format(r.lambda()), r.problem(), c.normRatio(), c.worstRelativeError(), c.kinkCount(),
                c.passed() ? "ok" : "FAIL");
        if (!c.passed()) {
            for (CheckReport.BlockResult b : c.blocks()) {
                out.printf(Locale.ROOT, "      %-20s norm ratio %.2e  worst rel %.2e  %s%n", b.name(), b.normRatio(),
                        b.worstRelativeError(), b.passed() ? "agrees" : "DISAGREES");
            }
            for (String d : c.diagnosis()) {
                out.println("      diagnosis: " + d);
            }
        }
        if (show > 0) {
            sideBySide(c);
        }
        out.flush();
    }

    private void sideBySide(CheckReport c) {
        out.printf(Locale.ROOT, "      %8s  %-16s %16s %16s %11s%n", "index", "block", "numerical", "analytical",
                "rel error");
        for (CheckReport.Entry e : c.entries().subList(0, Math.min(show, c.entries().size()))) {
            out.printf(Locale.ROOT, "      %8d  %-16s %16.9e %16.9e %11.2e%s%n", e.index(), e.block(), e.numerical(),
                    e.analytical(), e.relativeError(), e.nearKink() ? "  (kink)" : "");
        }
    }

    void footer(List<GradCheckSuite.Result> results) {
        long passed = results.stream().filter(r -> r.report().passed()).count();
        out.println();
        out.printf(Locale.ROOT, "%d of %d checks passed%n", passed, results.size());
        for (GradCheckSuite.Result r : results) {
            if (!r.report().passed()) {
                out.printf(Locale.ROOT, "FAILED: %s / %s lambda=%s on %s%n", r.activation().spec(), r.loss(),
                        Spec.format(r.lambda()), r.problem());
            }
        }
    }

    static List<Map<String, Object>> toJson(List<GradCheckSuite.Result> results) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (GradCheckSuite.Result r : results) {
            CheckReport c = r.report();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("problem", r.problem());
            m.put("activation", r.activation().spec());
            m.put("output", r.loss().id());
            m.put("lambda", r.lambda());
            m.put("bug", r.bug().id());
            m.put("passed", c.passed());
            m.put("normRatio", c.normRatio());
            m.put("worstRelativeError", c.worstRelativeError());
            m.put("tolerance", c.tolerance());
            m.put("entries", c.entries().size());
            m.put("nearKink", c.kinkCount());
            m.put("blocks", c.blocks());
            m.put("diagnosis", c.diagnosis());
            list.add(m);
        }
        return list;
    }
}
