package theta.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import theta.eval.Classifier;
import theta.io.ModelFile;
import theta.nn.Model;
import theta.web.Predictor;
import theta.web.Server;

/** theta serve: a web page to draw a digit and see the model's prediction. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Serves a page to draw a digit and see the prediction, and a JSON prediction API.",
        description = "The page is at / and the API at POST /api/predict; the server listens on 127.0.0.1 unless"
                + " --host says otherwise.")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL")
    Path modelFile;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--host", defaultValue = Server.DEFAULT_HOST, description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    /** The model report for /report: made on first request (it evaluates the model on its test set). */
    private byte[] report(Model model) {
        try {
            return theta.plot.ModelReport.html(modelFile, model, msg -> { }).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException e) {
            return theta.plot.Report.error(String.valueOf(e.getMessage())).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be in 0..65535, got " + port);
        }
        Model model = ModelFile.read(modelFile);
        if (model.network().architecture().inputs() != 784) {
            throw new IllegalArgumentException(modelFile + " takes " + model.network().architecture().inputs()
                    + " inputs; the drawing page needs a 28x28 (784-input) model");
        }
        // One classifier a worker thread (each holds its scratch space); BLAS single-threaded inside,
        // as concurrency comes from the requests. The count is JVM-wide: given back when serving ends.
        try (theta.math.Threads.Scope oneThread = theta.math.Threads.use(1)) {
            return serve(model);
        }
    }

    /** Serves until the JVM is told to stop. */
    private int serve(Model model) throws Exception {
        // Float32: a 784-800-10 prediction reads half the bytes of weights and takes the sparse
        // first layer's vector kernels, 22-26 us of CPU against 52-54 us in float64.
        ThreadLocal<Classifier> classifier = ThreadLocal.withInitial(
                () -> new Classifier(model, theta.math.Gemm.blas(), theta.math.Precision.F32));
        Map<String, String> description = ModelFile.describe(model);
        description.put("file", modelFile.toString());
        Predictor predictor = new Predictor() {
            @Override
            public double[] probabilities(float[] image784) {
                return classifier.get().probabilities(image784);
            }

            @Override
            public int classes() {
                return model.network().architecture().outputs();
            }

            @Override
            public Map<String, String> describe() {
                return description;
            }
        };
        Server server;
        try {
            server = Server.start(host, port, predictor);
        } catch (java.io.IOException e) {
            Throwable cause = e instanceof java.net.BindException ? e : e.getCause();
            if (!(cause instanceof java.net.BindException)) {
                throw e;
            }
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + " (" + cause.getMessage()
                    + "); try another --port");
        }
        server.report(() -> report(model));
        CountDownLatch done = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            server.close();
            done.countDown();
        }, "theta-serve-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            spec.commandLine().getOut().println("theta: serving " + modelFile + " at " + server.url() + " (Ctrl-C to stop)");
            spec.commandLine().getOut().flush();
            done.await();
            return Main.OK;
        } finally {
            // Ended otherwise than by the JVM's shutdown (an interrupt): stop serving, take the hook back.
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what ended the wait
            }
            server.close();
        }
    }
}
