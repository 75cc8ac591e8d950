package theta.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;


import theta.io.Json;
import theta.math.GemmPeak;

/**
 * What {@code theta bench} measured, as one object: printed as a table or as one JSON object.
 * Field names are the JSON keys; seconds, GFLOP/s and MiB unless a name says otherwise.
 */
record BenchReport(Setup setup, Machine machine, List<Epoch> epochs, Summary median, List<Product> products,
                   GemmPeak peakBefore,
                   GemmPeak peakAfter, double peakGflops, List<Inference> inference, Latency latency,
                   Memory memory, Startup startup) {

    /**
     * The run's settings. {@code gflopPerEpoch} counts matrix-product FLOPs analytically, as
     * dense products (the dense-equivalent work, as PyTorch's script counts it);
     * {@code usefulGflopPerEpoch} counts the first layer's products on the nonzero pixels only
     * ({@code trainDensity} of them). {@code firstLayer}: which products training used, and why.
     */
    record Setup(String architecture, String activation, String optimizer, double lr, int batch, int epochs,
                 String precision, int threads, int trainExamples, int testExamples, double gflopPerEpoch,
                 double forwardFlopsPerExample, double trainDensity, double testDensity,
                 double usefulGflopPerEpoch, double usefulForwardFlopsPerExample, String firstLayer,
                 String sparseKernels) {}

    record Machine(String cpu, int cores, String java, String os) {}

    /**
     * One epoch: training time only (the test evaluation after it is not timed);
     * {@code productSeconds} is the part of it spent in matrix products.
     */
    record Epoch(int epoch, double seconds, double samplesPerSecond, double gflops, double fractionOfPeak,
                 double usefulGflops, double usefulFractionOfPeak, double productSeconds, double trainLoss,
                 double testAccuracy) {}

    /**
     * Medians over epochs 2..N (epoch 1 warms up the JIT and the caches). The product figures
     * divide the same FLOPs by the time spent in products alone: the rate the products reach
     * inside the epoch, and what element-wise work, data conversion and updates cost besides.
     */
    record Summary(int fromEpoch, int toEpoch, double seconds, double samplesPerSecond, double gflops,
                   double fractionOfPeak, double usefulGflops, double usefulFractionOfPeak, double productSeconds,
                   double productGflops, double productFractionOfPeak, double productUsefulGflops,
                   double productUsefulFractionOfPeak) {}

    /**
     * The training products of one shape ({@code op(A) * op(B)} as stored), averaged over all
     * epochs: calls and seconds per epoch, and the rate they reached inside training (useful:
     * FLOPs on a sparse operand's nonzeros; dense-equivalent: the dense product's FLOPs).
     */
    record Product(String shape, double callsPerEpoch, double secondsPerEpoch, double gflops,
                   double fractionOfPeak, double denseEquivalentGflops) {}

    /**
     * Classifying the test set at one batch size: reading the batch + forward + argmax; the median timed
     * pass, after {@code warmupPasses} untimed ones that took {@code warmupSeconds}, the first of
     * them {@code firstPassSeconds}.
     */
    record Inference(int batch, double seconds, double samplesPerSecond, double gflops, double fractionOfPeak,
                     double usefulGflops, double usefulFractionOfPeak, double accuracy, int warmupPasses,
                     double warmupSeconds, double firstPassSeconds) {}

    /** One image at a time, microseconds. */
    record Latency(int images, double p50Micros, double p99Micros, double meanMicros) {}

    /**
     * Peak resident set size (VmHWM) after training and at the end of the run, peak heap use
     * (sum of the heap pools' peaks), direct (native-buffer) memory in use at the end.
     */
    record Memory(double peakRssAfterTrainingMib, double peakRssMib, double heapUsedPeakMib,
                  double heapCommittedMib, double directMib, String jvmOptions) {}

    /** Milliseconds from JVM start to the command's first line, and to its first classified image. */
    record Startup(double jvmToCommandMs, double jvmToFirstAnswerMs) {}

    String json() {
        return Json.COMPACT.toJson(this);
    }

    void print(PrintWriter o) {
        Setup s = setup;
        o.printf(Locale.ROOT, "theta bench: %s %s, %s lr %s, batch %d, %s, %d thread%s; %d train / %d test images%n",
                s.architecture(), s.activation(), s.optimizer(), s.lr(), s.batch(), s.precision(), s.threads(),
                s.threads() == 1 ? "" : "s", s.trainExamples(), s.testExamples());
        o.printf(Locale.ROOT, "machine: %s, %d cores; %s; %s%n", machine.cpu(), machine.cores(), machine.java(),
                machine.os());
        o.printf(Locale.ROOT, "sgemm %d^3 on %d threads: before %s, after %s; peak %.1f GFLOP/s%n",
                peakBefore.size(), peakBefore.threads(), peak(peakBefore), peak(peakAfter), peakGflops);
        o.printf(Locale.ROOT, "first layer: %s; sparse kernels: %s%n", s.firstLayer(), s.sparseKernels());
        o.printf(Locale.ROOT, "matrix products per epoch: %.1f GFLOP dense-equivalent, %.1f GFLOP useful (on the"
                + " %.1f%% nonzero pixels)%n", s.gflopPerEpoch(), s.usefulGflopPerEpoch(), 100 * s.trainDensity());
        o.println("GFLOP/s and of peak: dense-equivalent / useful");
        o.println("epoch  seconds  samples/s        GFLOP/s         of peak  in products  train loss  test acc");
        for (Epoch e : epochs) {
            o.printf(Locale.ROOT, "%5d  %7.3f  %9.0f  %6.1f / %6.1f  %4.0f%% / %3.0f%%  %9.3f s  %10.4f  %7.2f%%%n",
                    e.epoch(), e.seconds(), e.samplesPerSecond(), e.gflops(), e.usefulGflops(),
                    100 * e.fractionOfPeak(), 100 * e.usefulFractionOfPeak(), e.productSeconds(), e.trainLoss(),
                    100 * e.testAccuracy());
        }
        o.printf(Locale.ROOT, "median of epochs %d-%d: %.3f s, %.0f samples/s, %.1f GFLOP/s dense-equivalent (%.1f%% of"
                + " peak), %.1f GFLOP/s useful (%.1f%% of peak)%n", median.fromEpoch(), median.toEpoch(),
                median.seconds(), median.samplesPerSecond(), median.gflops(), 100 * median.fractionOfPeak(),
                median.usefulGflops(), 100 * median.usefulFractionOfPeak());
        o.printf(Locale.ROOT, "  of which matrix products: %.3f s (%.0f%% of the epoch), %.1f GFLOP/s dense-equivalent"
                + " (%.1f%% of peak), %.1f useful (%.1f%%)%n", median.productSeconds(),
                100 * median.productSeconds() / median.seconds(), median.productGflops(),
                100 * median.productFractionOfPeak(), median.productUsefulGflops(),
                100 * median.productUsefulFractionOfPeak());
        o.println("  products by shape (per epoch, all epochs; GFLOP/s useful, dense-equivalent for sparse ones):");
        for (Product p : products) {
            boolean sparse = p.shape().contains("sparse");
            o.printf(Locale.ROOT, "    %-30s %6.0f calls  %7.3f s  %7.1f GFLOP/s  %5.1f%% of peak%s%n", p.shape(),
                    p.callsPerEpoch(), p.secondsPerEpoch(), p.gflops(), 100 * p.fractionOfPeak(),
                    sparse ? String.format(Locale.ROOT, "  (%.1f dense-equivalent)", p.denseEquivalentGflops()) : "");
        }
        o.printf(Locale.ROOT, "inference on the test set (read the batch + forward + argmax; GFLOP/s dense-equivalent / useful):%n");
        for (Inference i : inference) {
            o.printf(Locale.ROOT, "  batch %5d: %8.1f ms  %9.0f samples/s  %6.1f / %5.1f GFLOP/s  %5.1f%% / %4.1f%% of"
                    + " peak  acc %.2f%%  (after %d untimed passes in %.1f s, the first %.1f ms)%n", i.batch(), 1000 * i.seconds(),
                    i.samplesPerSecond(), i.gflops(), i.usefulGflops(), 100 * i.fractionOfPeak(),
                    100 * i.usefulFractionOfPeak(), 100 * i.accuracy(), i.warmupPasses(), i.warmupSeconds(),
                    1000 * i.firstPassSeconds());
        }
        o.printf(Locale.ROOT, "single image: p50 %.1f us, p99 %.1f us, mean %.1f us (%d images)%n",
                latency.p50Micros(), latency.p99Micros(), latency.meanMicros(), latency.images());
        o.printf(Locale.ROOT, "memory: peak RSS %.0f MiB (%.0f MiB after training), heap used peak %.0f MiB,"
                + " heap committed %.0f MiB, direct buffers %.0f MiB; JVM options: %s%n", memory.peakRssMib(),
                memory.peakRssAfterTrainingMib(), memory.heapUsedPeakMib(), memory.heapCommittedMib(),
                memory.directMib(), memory.jvmOptions().isEmpty() ? "(none)" : memory.jvmOptions());
        o.printf(Locale.ROOT, "startup: JVM start to command %.0f ms, to first classified image %.0f ms%n",
                startup.jvmToCommandMs(), startup.jvmToFirstAnswerMs());
    }

    private static String peak(GemmPeak p) {
        return String.format(Locale.ROOT, "%.1f (sliced) / %.1f (OpenBLAS threads)", p.sliced(), p.openblasThreads());
    }
}
