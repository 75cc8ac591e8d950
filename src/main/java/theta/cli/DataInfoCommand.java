package theta.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import theta.data.Dataset;
import theta.data.DatasetStats;
import theta.data.FashionMnist;
import theta.data.Splits;

/** {@code theta data info}: sizes, image shape, classes, label histograms, pixel statistics, provenance. */
@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
        header = "Shows the splits: example counts, image size, classes, label histogram, pixel mean and std,"
                + " source folder and SHA-256 checksums.")
final class DataInfoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Splits s = data.load(line -> {
            err.println(line);
            err.flush();
        });
        List<Dataset> sets = new ArrayList<>(List.of(s.train(), s.validation(), s.test()));
        List<String> names = new ArrayList<>(List.of("train", "validation", "test"));
        if (!s.hasValidation()) {
            sets.remove(1);
            names.remove(1);
        }
        List<DatasetStats> stats = sets.stream().map(DatasetStats::of).toList();
        Dataset t = s.train();
        out.printf("dataset     %s%n", data.describe());
        Set<String> sources = new LinkedHashSet<>();
        sets.forEach(d -> sources.add(d.source()));
        sources.forEach(src -> out.printf("source      %s%n", src));
        out.printf("images      %dx%d = %d features, %s%n", t.rows(), t.cols(), t.features(),
                t.isBytes() ? "unsigned bytes scaled to [0,1]" : "float values as stored");
        out.printf("classes     %d%n", t.classes());
        int trainFile = s.train().size() + (s.hasValidation() ? s.validation().size() : 0);
        out.printf("examples    %d training (%d train + %d validation), %d test%n%n", trainFile, s.train().size(),
                s.hasValidation() ? s.validation().size() : 0, s.test().size());

        out.printf("%-12s %8s %11s %10s%n", "split", "examples", "pixel mean", "pixel std");
        for (int k = 0; k < sets.size(); k++) {
            out.printf("%-12s %8d %11.4f %10.4f%n", names.get(k), stats.get(k).size(), stats.get(k).pixelMean(),
                    stats.get(k).pixelStd());
        }
        out.println();
        histogram(out, t, names, stats);
        out.println();
        out.println("sha256");
        Set<String> sums = new LinkedHashSet<>();
        sets.forEach(d -> sums.addAll(d.checksums()));
        sums.forEach(line -> out.println("  " + line));
        out.flush();
    }

    private static void histogram(PrintWriter out, Dataset train, List<String> names, List<DatasetStats> stats) {
        boolean fashion = train.name().startsWith(FashionMnist.NAME) && train.classes() == 10;
        int width = fashion ? 16 : 6;
        out.printf("%-" + width + "s", "label");
        names.forEach(n -> out.printf(" %11s", n));
        out.println();
        for (int c = 0; c < train.classes(); c++) {
            out.printf("%-" + width + "s", fashion ? c + " " + FashionMnist.CLASS_NAMES.get(c) : c);
            for (DatasetStats st : stats) {
                out.printf(" %11d", st.labelCounts()[c]);
            }
            out.println();
        }
    }
}
