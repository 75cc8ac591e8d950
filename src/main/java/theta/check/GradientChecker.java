package theta.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import theta.math.DifferentiableFunction;
import theta.math.KinkAware;
import theta.nn.Block;

/**
 * Compares a function's analytical gradient with central differences, in float64, for any
 * {@link DifferentiableFunction}: theta's network or a user's own cost.
 */
public final class GradientChecker {
    private GradientChecker() {}

    /** Checks every entry of x as one block named "x", with no diagnosis context. */
    public static CheckReport check(DifferentiableFunction f, double[] x, CheckOptions opts) {
        return check(f, x, List.of(new Block("x", 0, x.length, false)), opts, null);
    }

    /**
     * Checks f at x. {@code blocks} name ranges of x (entries outside every block are not
     * checked); {@code context} (may be null) lets the diagnosis speak of m and lambda.
     * x is not modified.
     */
    public static CheckReport check(DifferentiableFunction f, double[] x, List<Block> blocks, CheckOptions opts,
                                    Diagnosis.Context context) {
        Objects.requireNonNull(f);
        double[] analytical = new double[x.length];
        double f0 = f.value(x.clone(), analytical);
        if (!Double.isFinite(f0)) {
            throw new IllegalArgumentException("the cost at the checked point is not finite: " + f0);
        }
        double[] probe = x.clone();
        List<CheckReport.Entry> entries = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(opts.seed());
        for (Block b : blocks) {
            if (b.end() > x.length) {
                throw new IllegalArgumentException("block " + b.name() + " ends at " + b.end() + ", past the "
                        + x.length + " parameters");
            }
            for (int i : sample(b, opts.perBlock(), rng)) {
                entries.add(entry(f, probe, i, b.name(), analytical[i], opts));
            }
        }
        return summarise(entries, blocks, x, opts, context);
    }

    private static CheckReport.Entry entry(DifferentiableFunction f, double[] probe, int i, String block,
                                           double analytical, CheckOptions opts) {
        double h = opts.eps();
        double xi = probe[i];
        Set<Object> states = new HashSet<>();
        double plus = at(f, probe, i, xi + h, states);
        double minus = at(f, probe, i, xi - h, states);
        double numerical;
        if (opts.order() == 2) {
            numerical = (plus - minus) / (2 * h);
        } else {
            double plus2 = at(f, probe, i, xi + 2 * h, states);
            double minus2 = at(f, probe, i, xi - 2 * h, states);
            numerical = (8 * (plus - minus) - (plus2 - minus2)) / (12 * h);
        }
        probe[i] = xi;
        // Different kink states at the probe points: the differences straddle a kink.
        return new CheckReport.Entry(i, block, numerical, analytical, states.size() > 1);
    }

    private static double at(DifferentiableFunction f, double[] probe, int i, double value, Set<Object> states) {
        probe[i] = value;
        double v = f.value(probe, null);
        if (f instanceof KinkAware k) {
            states.add(k.kinkState());
        }
        return v;
    }

    /** All indices of the block when it has at most n, else n distinct ones drawn from the seed, sorted. */
    static int[] sample(Block b, int n, SplittableRandom rng) {
        if (b.length() <= n) {
            int[] all = new int[b.length()];
            for (int i = 0; i < all.length; i++) {
                all[i] = b.offset() + i;
            }
            return all;
        }
        // Floyd's algorithm: n distinct draws without materialising the range.
        java.util.TreeSet<Integer> picked = new java.util.TreeSet<>();
        for (int j = b.length() - n; j < b.length(); j++) {
            int t = rng.nextInt(j + 1);
            picked.add(picked.contains(b.offset() + t) ? b.offset() + j : b.offset() + t);
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    private static CheckReport summarise(List<CheckReport.Entry> entries, List<Block> blocks, double[] x,
                                         CheckOptions opts, Diagnosis.Context context) {
        Stats all = Stats.of(entries);
        List<CheckReport.BlockResult> results = new ArrayList<>();
        for (Block b : blocks) {
            List<CheckReport.Entry> in = entries.stream().filter(e -> b.contains(e.index())).toList();
            Stats s = Stats.of(in);
            // A block of tiny derivatives passes when its disagreement is negligible against the whole
            // gradient, even if round-off makes its own ratio large.
            boolean ok = s.normRatio < opts.tolerance() || s.diffNorm < opts.tolerance() * all.sumNorm;
            results.add(new CheckReport.BlockResult(b.name(), in.size(), s.kinks, s.normRatio, s.worst, ok));
        }
        boolean passed = all.normRatio < opts.tolerance();
        List<String> diagnosis = passed ? List.of()
                : Diagnosis.explain(entries, results, blocks, x, context);
        return new CheckReport(List.copyOf(entries), List.copyOf(results), all.normRatio, all.worst,
                opts.tolerance(), passed, diagnosis);
    }

    /** norm(num - ana) / norm(num + ana) and the worst relative error, over entries away from kinks. */
    private record Stats(double normRatio, double worst, int kinks, double diffNorm, double sumNorm) {
        static Stats of(List<CheckReport.Entry> entries) {
            double diff = 0;
            double sum = 0;
            double worst = 0;
            int kinks = 0;
            for (CheckReport.Entry e : entries) {
                if (e.nearKink()) {
                    kinks++;
                    continue;
                }
                double d = e.numerical() - e.analytical();
                double s = e.numerical() + e.analytical();
                diff += d * d;
                sum += s * s;
                worst = Math.max(worst, e.relativeError());
            }
            double ratio = diff == 0 ? 0 : Math.sqrt(diff) / Math.sqrt(sum);
            return new Stats(ratio, worst, kinks, Math.sqrt(diff), Math.sqrt(sum));
        }
    }
}
