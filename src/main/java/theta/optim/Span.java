package theta.optim;

import theta.math.Spec;

/**
 * A length of training in updates or in epochs, for schedule options such as
 * {@code every_epochs=10} or {@code warmup_steps=500}.
 *
 * @param amount &gt;= 0; a whole number when in steps, any fraction when in epochs
 * @param unit what {@code amount} counts
 */
public record Span(double amount, Unit unit) {
    public static final Span NONE = new Span(0, Unit.STEPS);

    /** What a span counts: optimiser steps (updates) or epochs (passes over the training set). */
    public enum Unit {
        STEPS, EPOCHS;

        String suffix() {
            return this == STEPS ? "_steps" : "_epochs";
        }
    }

    public Span {
        if (unit == null) {
            throw new IllegalArgumentException("span: unit is missing; allowed: steps, epochs");
        }
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("span: " + amount + " " + unit.name().toLowerCase(java.util.Locale.ROOT) + " is out of range; allowed >= 0");
        }
        if (unit == Unit.STEPS && amount != Math.rint(amount)) {
            throw new IllegalArgumentException("span: " + amount + " steps is not a whole number");
        }
    }

    public static Span ofSteps(long n) {
        return new Span(n, Unit.STEPS);
    }

    public static Span ofEpochs(double n) {
        return new Span(n, Unit.EPOCHS);
    }

    /** The length in updates; epochs are rounded to the nearest whole update. */
    public long inSteps(long stepsPerEpoch) {
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("span: steps per epoch " + stepsPerEpoch + " must be >= 1");
        }
        return unit == Unit.STEPS ? (long) amount : Math.round(amount * stepsPerEpoch);
    }

    /** How this span is written in a spec, e.g. {@code warmup_epochs=0.5}. */
    String spec(String key) {
        return key + unit.suffix() + "=" + Spec.format(amount);
    }
}
