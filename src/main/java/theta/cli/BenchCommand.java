package theta.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import theta.activation.Activations;
import theta.api.Theta;
import theta.InputException;
import theta.data.Dataset;
import theta.data.IdxFolder;
import theta.data.LabelConvention;
import theta.data.Mnist;
import theta.data.Splits;
import theta.eval.Throughput;
import theta.loss.Loss;
import theta.math.Gemm;
import theta.math.GemmPeak;
import theta.math.Precision;
import theta.math.Threads;
import theta.math.TimedGemm;
import theta.math.Vec;
import theta.nn.Architecture;
import theta.nn.Initializer;
import theta.nn.Network;
import theta.optim.Optimizers;
import theta.train.EpochRecord;
import theta.train.Optimization;
import theta.train.TrainConfig;
import theta.train.TrainListener;
import theta.train.Trainer;

/**
 * theta bench: trains on the full 60,000 MNIST training images for a few epochs and reports
 * speed against the machine's sgemm peak, inference throughput, latency and memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Measures training and inference speed on MNIST.",
        description = {"Trains on all 60,000 training images (no validation split). Matrix-product FLOPs are counted"
            + " analytically: forward 2*in*out per layer and example, backward 2*in*out per layer (weight gradient)"
            + " plus 2*in*out per layer above the first (input gradient): dense-equivalent FLOPs. Useful FLOPs"
            + " count the first layer's products on the nonzero pixels only."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--hidden", paramLabel = "N[,N...]", defaultValue = "800", description = "Hidden layer sizes (default: ${DEFAULT-VALUE}).")
    String hidden;

    @Option(names = "--activation", paramLabel = "SPEC", defaultValue = "relu", description = "Hidden activation (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--batch", defaultValue = "128", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--epochs", defaultValue = "5", description = "Epochs to train; medians use epochs 2..N (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--threads", description = "Threads for products and element-wise passes (default: all cores).")
    Integer threads;

    @Option(names = "--precision", paramLabel = "f32|f64", defaultValue = "f32", description = "Numeric precision (default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--lr", defaultValue = "0.1", description = "Learning rate, constant (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--optimizer", paramLabel = "SPEC", defaultValue = "sgd:momentum=0.9", description = "Optimiser (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for initialisation and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data", paramLabel = "DIR", description = "A folder with the four MNIST IDX files (default: MNIST in the data folder, fetched when missing).")
    Path data;

    @Option(names = "--peak-size", paramLabel = "N", defaultValue = "2048", description = "n of the n^3 sgemm that measures the peak (default: ${DEFAULT-VALUE}).")
    int peakSize;

    @Option(names = "--infer-reps", paramLabel = "N", defaultValue = "7", description = "Timed passes over the test set per batch size (at most 3 at batch 1); the median counts. Untimed passes go first: at least 2 and 1 s, then until 3 in a row ran without the JIT compiler at work (at most 5 s) (default: ${DEFAULT-VALUE}).")
    int inferReps;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Option(names = "--serve", description = "Instead: load-test the web server on loopback (see --model, --clients, --requests, --rate).")
    boolean serve;

    @Option(names = "--model", paramLabel = "FILE", description = "With --serve: the model to serve (default: an untrained 784-800-10).")
    Path model;

    @Option(names = "--clients", defaultValue = "32", description = "With --serve: concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", defaultValue = "1000", description = "With --serve: requests per client and phase (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--rate", defaultValue = "5000", description = "With --serve: offered requests per second of the paced phases (default: ${DEFAULT-VALUE}).")
    double rate;

    @Override
    public Integer call() throws Exception {
        if (serve) {
            return ServeBench.run(spec.commandLine().getOut(), model, clients, requests, 16, 300, rate);
        }
        try (Threads.Scope t = Threads.use(threads)) {
            return bench();
        }
    }

    private Integer bench() throws IOException {
        double jvmToCommand = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        if (inferReps < 1) { // before the minutes of training, not after
            throw new InputException("--infer-reps " + inferReps + ": must be 1 or more");
        }
        PrintWriter o = spec.commandLine().getOut();
        Precision p = TrainOptions.parsePrecision(precision);
        TrainConfig cfg = new TrainConfig(Architecture.parseHidden(hidden), Activations.parse(activation), Loss.SOFTMAX,
                null, Optimization.MiniBatch.PLAIN, epochs, 0, seed, p, 0)
                .withOptimizer(Optimizers.parse(optimizer)).withLearningRate(lr).withBatchSize(batch);
        Splits splits = load(spec.commandLine().getErr());
        Dataset train = splits.train();
        Dataset test = splits.test();
        TimedGemm products = new TimedGemm(Gemm.blas());
        products.counting(false); // only training's products count: from onStart to each epoch's last batch
        Network net = new Network(new Architecture(train.features(), cfg.hidden(), train.classes()),
                cfg.activation(), cfg.output(), products);
        double[] init = Initializer.parameters(net, cfg.initialisation(), seed);
        double firstAnswer = firstAnswer(net, init, p, test);

        GemmPeak before = GemmPeak.measure(peakSize, 3);
        System.gc(); // releases the peak's matrices (native memory) before training
        List<EpochRecord> records = new ArrayList<>();
        List<Double> productSeconds = new ArrayList<>();
        long[] mark = {products.nanos()};
        // The test set stands in as the validation split: the trainer then measures it after every
        // epoch, outside the timed part, and no training image is held out.
        Splits withTest = new Splits(train, test, test);
        Trainer.Result result = new Trainer(net, cfg, withTest, Theta.validation(), new TrainListener() {
            @Override
            public void onStart(int epochs, int batchesPerEpoch, int startEpoch) {
                mark[0] = products.nanos();
                products.counting(true);
            }

            @Override
            public void onBatch(int epoch, int batch, int batches, double loss) {
                if (batch == batches) { // the epoch's products; the test evaluation's are not counted
                    productSeconds.add((products.nanos() - mark[0]) / 1e9);
                    products.counting(false);
                }
            }

            @Override
            public void onEpoch(EpochRecord r) {
                records.add(r);
                mark[0] = products.nanos();
                products.counting(r.epoch() < cfg.epochs());
            }
        }).train(init, null, () -> false);
        double rssAfterTraining = ProcessMemory.peakRssMib();

        Vec params = p.zeros(result.params().length);
        params.copyFrom(result.params());
        List<Throughput.Pass> passes = new ArrayList<>();
        for (int b : new int[] {1, 128, 10_000}) {
            System.gc(); // each batch size's workspace is released before the next is allocated
            // Batch 1 too takes the median of several passes (about 0.3 s each): one pass moved by
            // a third between runs of the same build on a busy machine.
            passes.add(Throughput.classify(net, params, test, b, b == 1 ? Math.min(3, inferReps) : inferReps));
        }
        Throughput.Latency latency = Throughput.singleImages(net, params, test, 2000);
        System.gc();
        GemmPeak after = GemmPeak.measure(peakSize, 3);

        BenchReport report = BenchMath.report(net, cfg, train.size(), test.size(), records, productSeconds,
                products.byShape(), before, after, passes,
                latency, rssAfterTraining, new BenchReport.Startup(jvmToCommand, firstAnswer),
                BenchMath.density(train), BenchMath.density(test));
        if (json) {
            o.println(report.json());
        } else {
            report.print(o);
        }
        return Main.OK;
    }

    /** All 60,000 training images (no validation split) and the 10,000 test images. */
    private Splits load(PrintWriter err) {
        if (data != null) {
            IdxFolder f = IdxFolder.find(data);
            String name = data.toAbsolutePath().normalize().getFileName() + "";
            return Splits.of(f.train(name + " train", LabelConvention.ZERO_BASED),
                    f.test(name + " test", LabelConvention.ZERO_BASED), 0);
        }
        return Mnist.load(0, err::println);
    }

    /** Milliseconds from JVM start until the untrained network has classified one test image. */
    private static double firstAnswer(Network net, double[] init, Precision p, Dataset test) {
        Vec params = p.zeros(init.length);
        params.copyFrom(init);
        Throughput.singleImages(net, params, test, 1);
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** /proc/self/status, for the peak resident set size. */
    static final class ProcessMemory {
        private ProcessMemory() {}

        /** VmHWM in MiB, or NaN where /proc is missing. */
        static double peakRssMib() {
            return statusMib("self", "VmHWM:");
        }

        /** VmRSS (the resident set now) of another process in MiB, or NaN where /proc is missing. */
        static double rssMib(long pid) {
            return statusMib(Long.toString(pid), "VmRSS:");
        }

        private static double statusMib(String process, String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", process, "status"))) {
                    if (line.startsWith(field)) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return Double.NaN;
            }
            return Double.NaN;
        }
    }
}
