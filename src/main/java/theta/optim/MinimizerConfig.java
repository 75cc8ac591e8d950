package theta.optim;

import java.util.List;

/**
 * A validated full-batch minimiser configuration: L-BFGS or nonlinear conjugate gradient, parsed
 * from a spec by {@link #parse}. Every option of a spec is honoured or refused, never ignored.
 */
public sealed interface MinimizerConfig {
    /** The minimiser names {@link #parse} accepts. */
    List<String> NAMES = List.of("lbfgs", "cg");

    /** The canonical spec; {@code parse(spec())} equals this. */
    String spec();

    /** A fresh minimiser. */
    Minimizer create();

    /**
     * L-BFGS keeping the last {@code history} steps.
     *
     * @param history m, the number of (s, y) pairs kept, &gt;= 1
     */
    record Lbfgs(int history) implements MinimizerConfig {
        /** L-BFGS with its default history (10). */
        public static final Lbfgs DEFAULT = new Lbfgs(theta.optim.Lbfgs.DEFAULT_HISTORY);

        /** Validates the history. */
        public Lbfgs {
            if (history < 1 || history > 1000) {
                throw new IllegalArgumentException("optimizer lbfgs: history " + history
                        + " is out of range; allowed 1 <= history <= 1000");
            }
        }

        @Override
        public String spec() {
            return history == theta.optim.Lbfgs.DEFAULT_HISTORY ? "lbfgs" : "lbfgs:history=" + history;
        }

        @Override
        public Minimizer create() {
            return new theta.optim.Lbfgs(history);
        }
    }

    /** Polak-Ribiere conjugate gradient, like the classic exercise's {@code fmincg}; it takes no options. */
    record Cg() implements MinimizerConfig {
        @Override
        public String spec() {
            return "cg";
        }

        @Override
        public Minimizer create() {
            return new ConjugateGradient();
        }
    }

    /**
     * Parses {@code lbfgs}, {@code lbfgs:history=N} or {@code cg}; {@code allowedNames} goes into
     * the message for an unknown name.
     *
     * @throws IllegalArgumentException one line: an unknown name or option, a bad value
     */
    static MinimizerConfig parse(String spec) {
        SpecReader r = SpecReader.read("optimizer", spec, NAMES);
        MinimizerConfig c = r.name().equals("cg") ? new Cg() : new Lbfgs(r.whole("history", theta.optim.Lbfgs.DEFAULT_HISTORY));
        r.finish();
        return c;
    }
}
