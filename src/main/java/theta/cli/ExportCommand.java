package theta.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import theta.io.ArrayFiles;
import theta.io.ModelFile;
import theta.nn.Model;

/** theta export: a model's weight matrices as NumPy .npz or Octave text. */
@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Writes a model's Theta1, Theta2 to a NumPy .npz or an Octave text file.",
        description = "Each Theta is units x (inputs+1), bias in column 0. The extension chooses the format: .npz, or"
                + " .txt and .mat for Octave's 'save -text' format.")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL")
    Path modelFile;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "Output file: .npz, .txt or .mat.")
    Path to;

    @Override
    public Integer call() throws Exception {
        Model model = ModelFile.read(modelFile);
        ArrayFiles.write(to, ModelFile.arrays(model));
        spec.commandLine().getOut().println("wrote " + String.join(", ", ModelFile.arrays(model).names()) + " to " + to);
        return Main.OK;
    }
}
