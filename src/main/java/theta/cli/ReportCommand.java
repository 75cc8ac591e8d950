package theta.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import theta.io.AtomicFile;
import theta.io.ModelFile;
import theta.nn.Model;
import theta.plot.ModelReport;
import theta.train.HistoryFiles;

/** theta report: one self-contained HTML page about a model. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Writes one self-contained HTML report about a model.",
        description = {"The report embeds its images and opens without a server: architecture, hyperparameters,"
            + " provenance, training curves, weight tiles and, on the test set of the data it was trained on, the"
            + " confusion matrix, per-class scores and the most confidently wrong images."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by 'theta train'.")
    Path modelFile;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the page (default: MODEL.report.html beside the model).")
    Path out;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws Exception {
        Model model = ModelFile.read(modelFile);
        Path target = out != null ? out : HistoryFiles.sibling(modelFile, ".report.html");
        String html;
        if (data.args().isEmpty()) {
            // No data named: the model's own, when theta knows it (else the page says why it is not evaluated).
            html = ModelReport.html(modelFile, model, spec.commandLine().getErr()::println);
        } else {
            html = ModelReport.html(modelFile, model, data.load(spec.commandLine().getErr()::println).test(), null);
        }
        if (html.contains("id=\"no-evaluation\"")) {
            spec.commandLine().getErr().println("theta: " + modelFile + ": the report has no test-set evaluation ("
                    + "see the page); give --data or --train/--test to evaluate");
        }
        AtomicFile.write(target, html.getBytes(StandardCharsets.UTF_8));
        spec.commandLine().getOut().println("wrote " + target);
        return Main.OK;
    }
}
