package theta.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import theta.activation.Activations;
import theta.data.Dataset;
import theta.loss.Loss;
import theta.math.Gemm;
import theta.math.Precision;
import theta.math.Vec;
import theta.nn.Architecture;
import theta.nn.Initializer;
import theta.nn.Network;
import theta.train.Quadrants;

class ThroughputTest {
    @Test
    void warmUpLastsTwoPassesAndASecondThenUntilThreeQuietPasses() {
        // Too few passes, or too short, whatever the quiet.
        assertTrue(Throughput.warmingUp(1, 9, 9));
        assertTrue(Throughput.warmingUp(5, 0.5, 9));
        // Long enough: on until three quiet passes in a row.
        assertTrue(Throughput.warmingUp(5, 1.5, 0));
        assertTrue(Throughput.warmingUp(5, 1.5, 2));
        assertFalse(Throughput.warmingUp(5, 1.5, 3));
        // Never past five seconds, quiet or not.
        assertFalse(Throughput.warmingUp(500, 5.01, 0));
    }

    @Test
    void classifyTimesAfterTheWarmUpAndCountsTheCorrect() {
        Dataset test = Quadrants.make("test", 200, 2);
        Network net = new Network(new Architecture(test.features(), new int[] {8}, 10), Activations.parse("relu"),
                Loss.SOFTMAX, Gemm.blas());
        Vec params = Precision.F32.zeros(net.layout().size());
        params.copyFrom(Initializer.parameters(net, net.activation().defaultInit(), 1));
        Throughput.Pass p = Throughput.classify(net, params, test, 64, 3);
        assertEquals(64, p.batch());
        assertEquals(200, p.examples());
        assertTrue(p.seconds() > 0);
        assertTrue(p.warmup().passes() >= Throughput.MIN_WARMUP, p.toString());
        assertTrue(p.warmup().seconds() >= Throughput.WARMUP_SECONDS, p.toString());
        assertTrue(p.warmup().firstSeconds() > 0 && p.warmup().firstSeconds() <= p.warmup().seconds(), p.toString());
        // The forward pass of evaluation (not classify's) counts the same.
        Evaluation e = Evaluator.evaluate(net, params, test, net.workspace(50, Precision.F32), 0);
        assertEquals(e.correct(), p.correct());
    }

    @Test
    void theJvmsOwnCpuGrowsWhenItCollects() {
        double before = JvmCpu.seconds();
        assertFalse(Double.isNaN(before), "this JVM gives process and thread CPU times");
        // Live objects for the collector's threads to mark, then full collections.
        List<int[]> live = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            live.add(new int[32]);
        }
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        assertEquals(200_000, live.size());
        assertTrue(JvmCpu.seconds() > before, "no CPU time outside the program's threads after five full collections");
    }
}
