package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.InputException;
import theta.activation.Activations;
import theta.data.Csv;
import theta.data.Dataset;
import theta.data.Idx;
import theta.data.LabelConvention;
import theta.data.Splits;
import theta.io.ModelFile;
import theta.io.NamedArrays;
import theta.io.NdArray;
import theta.io.Npy;
import theta.io.Npz;
import theta.loss.Loss;
import theta.nn.Architecture;
import theta.nn.Model;
import theta.nn.Network;

/** Sizes are checked before memory is taken; CSV surprises; damaged weights; messages that name the file. */
class InputLimitsTest {
    @TempDir
    Path dir;

    /** Runs {@code body} with the system property standing in for THETA_... set to {@code value}. */
    static <T> T withLimit(String property, long value, Supplier<T> body) {
        System.setProperty(property, Long.toString(value));
        try {
            return body.get();
        } finally {
            System.clearProperty(property);
        }
    }

    static void oneLine(InputException e, Path file, String contains) {
        assertTrue(e.getMessage().startsWith(file.toString() + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(contains), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aGzipIdxPromisingMoreThanTheLimitIsRefusedBeforeReading() throws Exception {
        Path f = dir.resolve("images.gz");
        Idx.writeImages(f, new byte[3000 * 784], 3000, 28, 28); // 2.35 MB of zeros, a few KB packed
        assertTrue(Files.size(f) < 50_000);
        InputException e = assertThrows(InputException.class,
                () -> withLimit("theta.max.values", 1_000_000, () -> Idx.readImages(f)));
        oneLine(e, f, "2,352,000 values, more than theta's limit of 1,000,000 (set THETA_MAX_VALUES");
    }

    @Test
    void anNpyArrayOverTheLimitIsRefusedByItsHeader() throws Exception {
        Path f = dir.resolve("big.npy");
        Npy.write(f, NdArray.of("big", new int[] {50, 40}, new double[2000]));
        InputException e = assertThrows(InputException.class,
                () -> withLimit("theta.max.values", 1000, () -> {
                    try {
                        return Npy.read(f);
                    } catch (java.io.IOException x) {
                        throw new java.io.UncheckedIOException(x);
                    }
                }));
        oneLine(e, f, "2,000 values, more than theta's limit of 1,000");
    }

    @Test
    void aCsvLineWiderThanTheLimitIsRefusedBeforeSplitting() throws Exception {
        Path f = dir.resolve("wide.csv");
        Files.writeString(f, "1" + ",0".repeat(5000) + "\n");
        InputException e = assertThrows(InputException.class,
                () -> withLimit("theta.max.features", 4096, () -> Csv.read(f, LabelConvention.ZERO_BASED)));
        oneLine(e, f, "the line has 5,000 values, more than theta's limit of 4,096 per example");
    }

    @Test
    void aByteOrderMarkIsNotAHeader() throws Exception {
        Path f = dir.resolve("bom.csv");
        Files.writeString(f, "\uFEFF5,0,255\n3,255,0\n");
        Dataset d = Csv.read(f, LabelConvention.ZERO_BASED);
        assertEquals(2, d.size());
        assertEquals(5, d.label(0));
    }

    @Test
    void aFirstLineWithAWordThenNumbersIsDataWithABadLabelNotAHeader() throws Exception {
        Path f = dir.resolve("x1.csv");
        Files.writeString(f, "x1,0,255,7\n3,255,0,1\n");
        InputException e = assertThrows(InputException.class, () -> Csv.read(f, LabelConvention.ZERO_BASED));
        oneLine(e, f, "label 'x1' is not a number");
        Path header = dir.resolve("header.csv");
        Files.writeString(header, "label,a,b,c\n3,255,0,1\n");
        assertEquals(1, Csv.read(header, LabelConvention.ZERO_BASED).size());
    }

    @Test
    void trainAndTestOnDifferentScalesAreRefused() throws Exception {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        Files.writeString(train, "1,0,255\n0,255,0\n1,0,200\n");
        Files.writeString(test, "1,0,255\n0,0.5,0\n");
        Dataset tr = Csv.read(train, LabelConvention.ZERO_BASED);
        Dataset te = Csv.read(test, LabelConvention.ZERO_BASED);
        InputException e = assertThrows(InputException.class, () -> Splits.of(tr, te, 0));
        assertTrue(e.getMessage().contains("pixels are raw values") && e.getMessage().contains("same scale"),
                e.getMessage());
    }

    @Test
    void aModelWithNonFiniteWeightsIsRefusedOnLoad() throws Exception {
        Network net = new Network(new Architecture(4, new int[] {3}, 2), Activations.parse("tanh"), Loss.SOFTMAX);
        double[] p = new double[net.layout().size()];
        p[5] = Double.NaN;
        Path f = dir.resolve("nan.npz");
        ModelFile.write(f, new Model(net, p, 2, 2, new com.google.gson.JsonObject()));
        InputException e = assertThrows(InputException.class, () -> ModelFile.read(f));
        oneLine(e, f, "Theta1 holds a non-finite weight (NaN)");
    }

    @Test
    void aOneDimensionalTheta1IsNamedAsSuch() throws Exception {
        Path w = dir.resolve("w.npz");
        Npz.write(w, NamedArrays.of(NdArray.of("Theta1", new int[] {6}, new double[6]),
                NdArray.of("Theta2", new int[] {2, 4}, new double[8])));
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "1,0,255\n0,255,0\n");
        WorkflowTest.Run r = WorkflowTest.run("cost", "--weights", w.toString(), "--data", data.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("theta: " + w + ": Theta1 is a 1-D array of 6 values, expected a matrix of units x (inputs + 1)\n",
                r.err());
    }
}
