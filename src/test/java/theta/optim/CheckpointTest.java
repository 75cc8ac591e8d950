package theta.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import theta.math.Precision;
import theta.math.Vec;

/** Save -> restore -> continue must equal never stopping, to the bit. */
class CheckpointTest {
    private static final Quadratic Q = Quadratic.standard();
    private static final int TOTAL = 40;
    private static final int SAVE_AT = 17;
    private static final Schedule RATE = Schedules.warmup(Schedules.cosine(0.05, 0.001), 5);

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String spec : List.of("sgd", "sgd:momentum=0.9", "sgd:momentum=0.8,nesterov=true",
                "adam", "adamw:weight_decay=0.1")) {
            for (Precision p : Precision.values()) {
                out.add(Arguments.of(spec, p));
            }
        }
        return out.stream();
    }

    private static BitSet decayed() {
        BitSet b = new BitSet();
        b.set(1, 4);
        return b;
    }

    /** Steps from {@code from} to {@code to} (exclusive). */
    private static void train(Optimizer opt, Vec params, int from, int to) {
        Vec grad = params.precision().zeros(params.length());
        for (int t = from; t < to; t++) {
            Q.gradient(params, grad);
            opt.step(params, grad, RATE.rate(t, TOTAL));
        }
    }

    private static long[] bits(Vec v) {
        return Arrays.stream(v.toArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    /** Runs to SAVE_AT, saves, restores into a fresh optimiser with {@code restoredSteps}, runs to TOTAL. */
    private static Vec resumed(String spec, Precision p, long restoredSteps) {
        Optimizer first = Optimizers.create(spec, decayed());
        Vec params = p.zeros(Q.dim());
        train(first, params, 0, SAVE_AT);
        double[] savedParams = params.toArray();
        List<double[]> savedState = first.state().stream().map(Vec::toArray).toList();

        Optimizer second = Optimizers.create(first.spec(), decayed());
        second.restore(restoredSteps, savedState);
        Vec resumed = p.of(savedParams);
        train(second, resumed, SAVE_AT, TOTAL);
        assertEquals(restoredSteps + TOTAL - SAVE_AT, second.steps());
        return resumed;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void restoredRunContinuesBitForBit(String spec, Precision p) {
        Optimizer straight = Optimizers.create(spec, decayed());
        Vec expected = p.zeros(Q.dim());
        train(straight, expected, 0, TOTAL);

        Vec actual = resumed(spec, p, SAVE_AT);
        assertArrayEquals(bits(expected), bits(actual), spec + " " + p);
    }

    @Test
    void theComparisonNoticesAWrongStepCount() {
        // Adam's bias correction depends on the step count: restoring it as 0 must show.
        Optimizer straight = Optimizers.create("adam", decayed());
        Vec expected = Precision.F64.zeros(Q.dim());
        train(straight, expected, 0, TOTAL);
        Vec wrong = resumed("adam", Precision.F64, 0);
        assertFalse(Arrays.equals(bits(expected), bits(wrong)));
    }

    @Test
    void restoreChecksCountsAndLengths() {
        Optimizer adam = Optimizers.create("adam", new BitSet());
        assertThrows(IllegalArgumentException.class, () -> adam.restore(5, List.of(new double[3])));
        assertThrows(IllegalArgumentException.class, () -> adam.restore(5, List.of(new double[3], new double[4])));
        assertThrows(IllegalArgumentException.class, () -> adam.restore(5, List.of()));
        assertThrows(IllegalArgumentException.class, () -> adam.restore(-1, List.of()));
        adam.restore(5, List.of(new double[3], new double[3]));
        Vec p = Precision.F64.zeros(4);
        assertThrows(IllegalArgumentException.class, () -> adam.step(p, p.copy(), 0.1));
        adam.restore(0, List.of());
        adam.step(p, p.copy(), 0.1);
        assertEquals(1, adam.steps());
    }

    @Test
    void restoredStateTakesTheParametersPrecisionOnTheFirstStep() {
        Optimizer mom = Optimizers.create("sgd:momentum=0.5", new BitSet());
        mom.restore(3, List.of(new double[] {0.1, 0.2}));
        Vec p = Precision.F32.zeros(2);
        mom.step(p, Precision.F32.zeros(2), 0.1);
        assertEquals(Precision.F32, mom.state().get(0).precision());
        assertEquals((float) 0.05, mom.state().get(0).get(0), 0.0);
        assertEquals(4, mom.steps());
    }
}
