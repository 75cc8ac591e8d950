package theta.optim;

import java.util.List;

/**
 * The built-in learning-rate schedules. All of them take the base rate {@code lr} and return
 * absolute rates; {@link ScheduleConfig} makes them from a spec.
 */
public final class Schedules {
    /** The schedule names {@link #parse} accepts. */
    public static final List<String> NAMES = List.of("constant", "step", "cosine");

    private Schedules() {}

    /**
     * Parses a schedule spec; every option is optional:
     * <pre>
     *   constant
     *   step:gamma=0.1,every_epochs=10      (or every_steps=N)
     *   cosine:floor=0                      (floor: the absolute rate reached at the end)
     * </pre>
     * and any of them may add {@code warmup_steps=N} or {@code warmup_epochs=X} (default none).
     *
     * @throws IllegalArgumentException one line: what is wrong and what is allowed
     */
    public static ScheduleConfig parse(String spec) {
        SpecReader r = SpecReader.read("schedule", spec, NAMES);
        ScheduleConfig c = switch (r.name()) {
            case "constant" -> new ScheduleConfig.Constant(span(r, "warmup", Span.NONE));
            case "step" -> new ScheduleConfig.StepDecay(r.number("gamma", 0.1), span(r, "every", Span.ofEpochs(10)),
                    span(r, "warmup", Span.NONE));
            default -> new ScheduleConfig.Cosine(r.number("floor", 0), span(r, "warmup", Span.NONE));
        };
        r.finish();
        return c;
    }

    /** Reads {@code key_steps=N} or {@code key_epochs=X} (at most one of them). */
    private static Span span(SpecReader r, String key, Span dflt) {
        r.allow(key + "_steps or " + key + "_epochs (default "
                + (dflt.amount() == 0 ? "none" : dflt.spec(key)) + ")");
        String steps = r.raw(key + "_steps");
        String epochs = r.raw(key + "_epochs");
        if (steps != null && epochs != null) {
            throw r.fail("give " + key + "_steps or " + key + "_epochs, not both");
        }
        try {
            if (steps != null) {
                return Span.ofSteps(Long.parseLong(steps));
            }
            if (epochs != null) {
                return Span.ofEpochs(Double.parseDouble(epochs));
            }
        } catch (NumberFormatException e) {
            throw r.fail(key + (steps != null ? "_steps '" + steps + "' is not a whole number"
                    : "_epochs '" + epochs + "' is not a number"));
        } catch (IllegalArgumentException e) {
            throw r.fail(key + (steps != null ? "_steps " + steps : "_epochs " + epochs) + " is out of range; allowed >= 0");
        }
        return dflt;
    }

    /** rate = lr. */
    public static Schedule constant(double lr) {
        return new Constant(checkRate(lr));
    }

    /** rate = lr * gamma^floor(step / everySteps): multiplied by gamma every {@code everySteps} updates. */
    public static Schedule stepDecay(double lr, double gamma, long everySteps) {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("schedule step: gamma " + gamma + " is out of range; allowed 0 < gamma <= 1");
        }
        if (everySteps < 1) {
            throw new IllegalArgumentException("schedule step: decays every " + everySteps + " steps; allowed >= 1");
        }
        return new StepDecay(checkRate(lr), gamma, everySteps);
    }

    /**
     * Cosine annealing from lr to {@code floor} over the whole run:
     * rate = floor + (lr - floor) * (1 + cos(pi * min(step/totalSteps, 1))) / 2,
     * so rate(0) = lr and rate(totalSteps) = floor.
     */
    public static Schedule cosine(double lr, double floor) {
        checkRate(lr);
        if (!(floor >= 0 && floor <= lr)) {
            throw new IllegalArgumentException("schedule cosine: floor " + floor
                    + " is out of range; allowed 0 <= floor <= the base rate " + lr);
        }
        return new Cosine(lr, floor);
    }

    /**
     * A linear warm-up of {@code warmupSteps} updates before {@code after}. With w = warmupSteps
     * and r0 = after.rate(0, ...) its starting rate: rate(step) = r0 * (step+1)/(w+1) for
     * step &lt; w (so the ramp starts above 0 and reaches r0 at step w); from step w on,
     * {@code after} runs from its own step 0 over the remaining max(totalSteps - w, 1) steps.
     * A warm-up of 0 steps returns {@code after} itself.
     */
    public static Schedule warmup(Schedule after, long warmupSteps) {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("schedule warm-up: " + warmupSteps + " steps; allowed >= 0");
        }
        return warmupSteps == 0 ? after : new Warmup(after, warmupSteps);
    }

    private static double checkRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("schedule: learning rate " + lr + " is out of range; allowed > 0 and finite");
        }
        return lr;
    }

    static void checkStep(long step, long totalSteps) {
        if (step < 0 || totalSteps < 1) {
            throw new IllegalArgumentException("schedule: step " + step + " of " + totalSteps
                    + "; allowed step >= 0 and totalSteps >= 1");
        }
    }

    private record Constant(double lr) implements Schedule {
        @Override
        public double rate(long step, long totalSteps) {
            checkStep(step, totalSteps);
            return lr;
        }
    }

    private record StepDecay(double lr, double gamma, long every) implements Schedule {
        @Override
        public double rate(long step, long totalSteps) {
            checkStep(step, totalSteps);
            return lr * Math.pow(gamma, step / every);
        }
    }

    private record Cosine(double lr, double floor) implements Schedule {
        @Override
        public double rate(long step, long totalSteps) {
            checkStep(step, totalSteps);
            double progress = Math.min((double) step / totalSteps, 1);
            return floor + (lr - floor) * (1 + Math.cos(Math.PI * progress)) / 2;
        }
    }

    private record Warmup(Schedule after, long steps) implements Schedule {
        @Override
        public double rate(long step, long totalSteps) {
            checkStep(step, totalSteps);
            long rest = Math.max(totalSteps - steps, 1);
            if (step < steps) {
                return after.rate(0, rest) * (step + 1) / (steps + 1);
            }
            return after.rate(step - steps, rest);
        }
    }
}
