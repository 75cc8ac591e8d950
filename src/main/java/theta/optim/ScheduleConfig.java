package theta.optim;

import theta.math.Spec;

/**
 * A validated schedule configuration, as parsed from a spec by {@link Schedules#parse}. It does
 * not hold the base rate or the epoch length; {@link #create} takes them, since they come from
 * other options and from the data.
 */
public sealed interface ScheduleConfig {
    /** The linear warm-up before the schedule ({@link Span#NONE} for none). */
    Span warmup();

    /** The canonical spec; {@code Schedules.parse(spec())} equals this. */
    String spec();

    /** The schedule for base rate {@code lr}, with epochs of {@code stepsPerEpoch} updates. */
    default Schedule create(double lr, long stepsPerEpoch) {
        return Schedules.warmup(core(lr, stepsPerEpoch), warmup().inSteps(stepsPerEpoch));
    }

    /** The schedule without its warm-up. */
    Schedule core(double lr, long stepsPerEpoch);

    private static Span orNone(Span s) {
        return s == null ? Span.NONE : s;
    }

    private static String withWarmup(String spec, Span warmup) {
        if (warmup.amount() == 0) {
            return spec;
        }
        return spec + (spec.contains(":") ? "," : ":") + warmup.spec("warmup");
    }

    /** rate = lr. */
    record Constant(Span warmup) implements ScheduleConfig {
        public Constant {
            warmup = orNone(warmup);
        }

        @Override
        public String spec() {
            return withWarmup("constant", warmup);
        }

        @Override
        public Schedule core(double lr, long stepsPerEpoch) {
            return Schedules.constant(lr);
        }
    }

    /** rate = lr * gamma^floor(step / every). */
    record StepDecay(double gamma, Span every, Span warmup) implements ScheduleConfig {
        public StepDecay {
            warmup = orNone(warmup);
            if (!(gamma > 0 && gamma <= 1)) {
                throw new IllegalArgumentException("schedule step: gamma " + gamma + " is out of range; allowed 0 < gamma <= 1");
            }
            if (every == null || every.amount() == 0) {
                throw new IllegalArgumentException("schedule step: the decay interval must be > 0 (every_epochs=N or every_steps=N)");
            }
        }

        @Override
        public String spec() {
            return withWarmup("step:gamma=" + Spec.format(gamma) + "," + every.spec("every"), warmup);
        }

        @Override
        public Schedule core(double lr, long stepsPerEpoch) {
            return Schedules.stepDecay(lr, gamma, Math.max(every.inSteps(stepsPerEpoch), 1));
        }
    }

    /** Cosine from lr down to the absolute rate {@code floor} at the end of the run. */
    record Cosine(double floor, Span warmup) implements ScheduleConfig {
        public Cosine {
            warmup = orNone(warmup);
            if (!(floor >= 0) || Double.isInfinite(floor)) {
                throw new IllegalArgumentException("schedule cosine: floor " + floor + " is out of range; allowed floor >= 0");
            }
        }

        @Override
        public String spec() {
            return withWarmup("cosine:floor=" + Spec.format(floor), warmup);
        }

        @Override
        public Schedule core(double lr, long stepsPerEpoch) {
            return Schedules.cosine(lr, floor);
        }
    }
}
