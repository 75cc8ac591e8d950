package theta.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {
    private static final double TOL = 1e-12;

    @Test
    void constantIsConstant() {
        Schedule s = Schedules.constant(0.3);
        assertEquals(0.3, s.rate(0, 10), 0.0);
        assertEquals(0.3, s.rate(10, 10), 0.0);
        assertEquals(0.3, s.rate(1000, 10), 0.0);
    }

    @Test
    void stepDecayMultipliesByGammaEveryNSteps() {
        Schedule s = Schedules.stepDecay(1.0, 0.5, 3);
        double[] expected = {1, 1, 1, 0.5, 0.5, 0.5, 0.25};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], s.rate(t, 100), TOL, "step " + t);
        }
    }

    @Test
    void cosineStartsAtTheRateHalvesAtTheMiddleAndEndsOnTheFloor() {
        Schedule s = Schedules.cosine(0.1, 0.02);
        assertEquals(0.1, s.rate(0, 100), TOL);
        assertEquals(0.06, s.rate(50, 100), TOL);
        assertEquals(0.02 + 0.08 * (1 + Math.cos(Math.PI * 0.25)) / 2, s.rate(25, 100), TOL);
        assertEquals(0.02, s.rate(100, 100), 0.0);
        assertEquals(0.02, s.rate(150, 100), 0.0);
        assertTrue(s.rate(99, 100) > 0.02);
    }

    @Test
    void warmupRampsLinearlyThenHandsOver() {
        Schedule s = Schedules.warmup(Schedules.constant(1.0), 4);
        double[] expected = {0.2, 0.4, 0.6, 0.8, 1.0, 1.0};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], s.rate(t, 100), TOL, "step " + t);
        }
    }

    @Test
    void warmupShiftsTheScheduleAfterIt() {
        // 10 warm-up steps, then cosine over the remaining 90: floor exactly at the end.
        Schedule s = Schedules.cosine(0.1, 0).withWarmup(10);
        assertEquals(0.1 / 11, s.rate(0, 100), TOL);
        assertEquals(0.1, s.rate(10, 100), TOL);
        assertEquals(0.05, s.rate(55, 100), TOL);
        assertEquals(0.0, s.rate(100, 100), 0.0);
        Schedule d = Schedules.stepDecay(1, 0.1, 5).withWarmup(2);
        assertEquals(1.0, d.rate(6, 100), TOL);
        assertEquals(0.1, d.rate(7, 100), TOL);
    }

    @Test
    void zeroWarmupIsTheScheduleItself() {
        Schedule c = Schedules.constant(1);
        assertSame(c, c.withWarmup(0));
    }

    @Test
    void parsedSchedulesUseEpochsAndSteps() {
        // 50 updates per epoch.
        Schedule step = Schedules.parse("step:gamma=0.5,every_epochs=2").create(0.4, 50);
        assertEquals(0.4, step.rate(99, 1000), TOL);
        assertEquals(0.2, step.rate(100, 1000), TOL);
        Schedule warm = Schedules.parse("constant:warmup_epochs=0.5").create(0.4, 50);
        assertEquals(0.4 / 26, warm.rate(0, 1000), TOL);
        assertEquals(0.4, warm.rate(25, 1000), TOL);
        Schedule cos = Schedules.parse("cosine:floor=0.001,warmup_steps=3").create(0.1, 50);
        assertEquals(0.025, cos.rate(0, 103), TOL);
        assertEquals(0.001, cos.rate(103, 103), TOL);
    }

    @Test
    void parseDefaults() {
        assertEquals(new ScheduleConfig.Constant(Span.NONE), Schedules.parse("constant"));
        assertEquals(new ScheduleConfig.StepDecay(0.1, Span.ofEpochs(10), Span.NONE), Schedules.parse("step"));
        assertEquals(new ScheduleConfig.Cosine(0, Span.NONE), Schedules.parse("cosine"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"constant", "constant:warmup_steps=100", "step:gamma=0.5,every_steps=300",
            "step:gamma=0.2,every_epochs=2.5,warmup_epochs=1", "cosine:floor=0.0001", "cosine:floor=0,warmup_steps=7"})
    void specRoundTrips(String spec) {
        ScheduleConfig c = Schedules.parse(spec);
        assertEquals(c, Schedules.parse(c.spec()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "linear|allowed: constant, step, cosine", "cosine:floor=-1|floor >= 0", "step:gamma=0|0 < gamma <= 1",
            "step:gamma=1.5|0 < gamma <= 1", "step:every_steps=0|must be > 0",
            "step:every_steps=1,every_epochs=1|not both", "step:every_steps=2.5|not a whole number",
            "constant:warmup_epochs=-1|out of range", "constant:warmup=5|warmup_steps or warmup_epochs (default none)",
            "cosine:min=0.1|allowed: floor (default 0), warmup_steps or warmup_epochs"})
    void badSpecsGiveOneLineMessages(String row) {
        String spec = row.substring(0, row.indexOf('|'));
        String expected = row.substring(row.indexOf('|') + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedules.parse(spec));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Schedules.constant(0));
        assertThrows(IllegalArgumentException.class, () -> Schedules.cosine(0.1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> Schedules.parse("cosine:floor=0.5").create(0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> Schedules.constant(1).rate(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> Schedules.constant(1).rate(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Span.ofSteps(3).inSteps(0));
    }
}
