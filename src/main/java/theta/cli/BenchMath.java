package theta.cli;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import theta.eval.Throughput;
import theta.math.GemmPeak;
import theta.math.Threads;
import theta.math.TimedGemm;
import theta.nn.Architecture;
import theta.nn.Network;
import theta.train.EpochRecord;
import theta.train.TrainConfig;

/** Turns what {@code theta bench} timed into its report: FLOP counts, rates, medians, memory. */
final class BenchMath {
    private static final double MIB = 1024.0 * 1024.0;

    private BenchMath() {}

    /** Matrix-product FLOPs of one example's forward pass: 2 * in * out per layer. */
    static double forwardFlops(Architecture a) {
        double f = 0;
        for (int l = 1; l <= a.layers(); l++) {
            f += 2.0 * a.units(l - 1) * a.units(l);
        }
        return f;
    }

    /**
     * Matrix-product FLOPs of one example's training step: the forward pass, each layer's weight
     * gradient (2 * in * out) and, above the first layer, the gradient of its input (2 * in * out);
     * no gradient flows into the images.
     */
    static double trainFlops(Architecture a) {
        double f = 2 * forwardFlops(a);
        for (int l = 2; l <= a.layers(); l++) {
            f += 2.0 * a.units(l - 1) * a.units(l);
        }
        return f;
    }

    /**
     * The FLOPs of {@code flops} that touch nonzero inputs: the first layer's products (2 * in *
     * units(1) each) scaled by the input's density, {@code products} of them (forward: 1,
     * training: 2, the forward product and the weight gradient).
     */
    static double useful(Architecture a, double flops, int products, double density) {
        return flops - products * (1 - density) * 2.0 * a.units(0) * a.units(1);
    }

    /** The fraction of nonzero features in a dataset (the first layer's useful share of its work). */
    static double density(theta.data.Dataset d) {
        long nonzero = 0;
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < d.features(); j++) {
                nonzero += d.value(i, j) != 0 ? 1 : 0;
            }
        }
        return (double) nonzero / d.size() / d.features();
    }

    /** Which first-layer products training used: sparse when any sparse product was timed. */
    static String firstLayer(Network net, List<TimedGemm.Total> shapes, double density) {
        boolean sparse = shapes.stream().anyMatch(t -> t.shape().sparse());
        String why = switch (net.inputProducts()) {
            case DENSE, SPARSE -> "as asked";
            case AUTO -> !theta.math.SparseMatrix.nativeKernels() ? "native sparse kernels not loaded"
                    : String.format(java.util.Locale.ROOT, "input density %.1f%% %s the limit of %.0f%%", 100 * density,
                    sparse ? "is under" : "is over", 100 * theta.math.SparseMatrix.DENSITY_LIMIT);
        };
        return (sparse ? "sparse (products on the nonzero pixels)" : "dense") + ", " + why;
    }

    static BenchReport report(Network net, TrainConfig cfg, int trainSize, int testSize, List<EpochRecord> records,
                              List<Double> productSeconds, List<TimedGemm.Total> shapes, GemmPeak before,
                              GemmPeak after, List<Throughput.Pass> passes,
                              Throughput.Latency latency, double rssAfterTraining, BenchReport.Startup startup,
                              double trainDensity, double testDensity) {
        Architecture arch = net.architecture();
        double gflopEpoch = trainFlops(arch) * trainSize / 1e9;
        double usefulEpoch = useful(arch, trainFlops(arch), 2, trainDensity) * trainSize / 1e9;
        double usefulForward = useful(arch, forwardFlops(arch), 1, testDensity);
        double peak = Math.max(before.best(), after.best());
        List<BenchReport.Epoch> epochs = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            EpochRecord r = records.get(i);
            double gflops = gflopEpoch / r.seconds();
            double useful = usefulEpoch / r.seconds();
            epochs.add(new BenchReport.Epoch(r.epoch(), r.seconds(), trainSize / r.seconds(), gflops, gflops / peak,
                    useful, useful / peak, productSeconds.get(i), r.trainLoss(), r.validationAccuracy()));
        }
        int from = epochs.size() > 1 ? 2 : 1;
        double sec = Throughput.median(epochs.stream().filter(e -> e.epoch() >= from)
                .mapToDouble(BenchReport.Epoch::seconds).toArray());
        double productSec = Throughput.median(epochs.stream().filter(e -> e.epoch() >= from)
                .mapToDouble(BenchReport.Epoch::productSeconds).toArray());
        BenchReport.Summary median = new BenchReport.Summary(from, epochs.size(), sec, trainSize / sec,
                gflopEpoch / sec, gflopEpoch / sec / peak, usefulEpoch / sec, usefulEpoch / sec / peak, productSec,
                gflopEpoch / productSec, gflopEpoch / productSec / peak, usefulEpoch / productSec,
                usefulEpoch / productSec / peak);
        List<BenchReport.Product> products = new ArrayList<>();
        for (TimedGemm.Total t : shapes) {
            products.add(new BenchReport.Product(t.shape().toString(), (double) t.calls() / records.size(),
                    t.nanos() / 1e9 / records.size(), t.gflops(), t.gflops() / peak, t.denseEquivalentGflops()));
        }
        List<BenchReport.Inference> inference = new ArrayList<>();
        for (Throughput.Pass p : passes) {
            double gflops = forwardFlops(arch) * p.examples() / p.seconds() / 1e9;
            double useful = usefulForward * p.examples() / p.seconds() / 1e9;
            inference.add(new BenchReport.Inference(p.batch(), p.seconds(), p.samplesPerSecond(), gflops,
                    gflops / peak, useful, useful / peak, (double) p.correct() / p.examples(), p.warmup().passes(),
                    p.warmup().seconds(), p.warmup().firstSeconds()));
        }
        BenchReport.Setup setup = new BenchReport.Setup(arch.toString(), cfg.activation().spec(),
                cfg.optimization().spec(), cfg.learningRate(), cfg.miniBatch().batchSize(), cfg.epochs(), cfg.precision().name().toLowerCase(java.util.Locale.ROOT),
                Threads.get(), trainSize, testSize, gflopEpoch, forwardFlops(arch), trainDensity, testDensity,
                usefulEpoch, usefulForward, firstLayer(net, shapes, trainDensity), theta.math.SparseMatrix.kernels());
        return new BenchReport(setup, machine(), epochs, median, products, before, after, peak, inference,
                new BenchReport.Latency(latency.images(), latency.p50(), latency.p99(), latency.mean()),
                memory(rssAfterTraining), startup);
    }

    static BenchReport.Machine machine() {
        String cpu = System.getProperty("os.arch");
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (java.io.IOException e) {
            // not Linux: the architecture name will do
        }
        return new BenchReport.Machine(cpu, Runtime.getRuntime().availableProcessors(),
                "Java " + System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    static BenchReport.Memory memory(double rssAfterTraining) {
        double heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        double direct = 0;
        for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (b.getName().equals("direct")) {
                direct = b.getMemoryUsed();
            }
        }
        double committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        String opts = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return new BenchReport.Memory(rssAfterTraining, BenchCommand.ProcessMemory.peakRssMib(), heapPeak / MIB,
                committed / MIB, direct / MIB, opts);
    }
}
