package theta.hostile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import theta.InputException;
import theta.activation.Activations;
import theta.data.Csv;
import theta.data.Idx;
import theta.data.LabelConvention;
import theta.io.ModelFile;
import theta.io.NamedArrays;
import theta.io.NdArray;
import theta.io.Npy;
import theta.io.Npz;
import theta.io.OctaveText;
import theta.loss.Loss;
import theta.nn.Architecture;
import theta.nn.Model;
import theta.nn.Network;

/**
 * Hostile input for every reader: random bytes, a small valid file truncated at every offset,
 * bit flips, lying headers (huge counts behind small data) and wrong element types. The only
 * outcomes allowed are a result or theta's one-line {@link InputException}: no other exception,
 * no hang, no OutOfMemoryError. It runs in its own JVM with a small heap (pom.xml, execution
 * "hostile-input", -Xmx256m), so a reader that believes a lying header fails here.
 */
class HostileInputTest {
    /** Generated inputs per reader (at least); seeded, so a failure names the input that caused it. */
    static final int PER_READER = 10_000;

    @TempDir
    static Path dir;

    /** A reader under test: reads the file, returns anything. */
    interface Reader {
        Object read(Path file) throws IOException;
    }

    /** One reader, its file name (the extension matters to some) and a small valid file for it. */
    record Case(String name, String fileName, byte[] valid, Reader reader, Mutations lying) {}

    /** Inputs specific to a format (lying headers, wrong element types). */
    interface Mutations {
        byte[] make(SplittableRandom rng, byte[] valid);
    }

    @TestFactory
    Stream<DynamicTest> everyReaderSurvivesHostileInput() throws IOException {
        List<Case> cases = java.util.Arrays.asList(
                new Case("IDX images", "images.idx", idx(0x803, new int[] {3, 4, 5}, 60), Idx::readImages,
                        HostileInputTest::lyingIdx),
                new Case("IDX images gzip", "images.gz", gzip(idx(0x803, new int[] {3, 4, 5}, 60)), Idx::readImages,
                        (rng, v) -> gzip(lyingIdx(rng, idx(0x803, new int[] {3, 4, 5}, 60)))),
                new Case("IDX labels", "labels.idx", idx(0x801, new int[] {20}, 20),
                        f -> Idx.readLabels(f, LabelConvention.ZERO_BASED), HostileInputTest::lyingIdx),
                new Case("CSV", "data.csv", "label,a,b,c\n1,0,255,3\n0,12,0,255\n2,0.5,1,0\n".getBytes(),
                        f -> Csv.read(f, LabelConvention.ZERO_BASED), HostileInputTest::csvish),
                new Case(".npy", "a.npy", npy(), Npy::read, HostileInputTest::lyingNpy),
                new Case(".npz", "a.npz", npz(), Npz::read, (rng, v) -> flip(rng, v, 1 + rng.nextInt(4))),
                new Case("Octave text", "w.txt", octave(), OctaveText::read, HostileInputTest::lyingOctave),
                new Case("model file", "m.npz", model(), ModelFile::read, (rng, v) -> flip(rng, v, 1 + rng.nextInt(4))),
                MatHook.matCase());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertTimeoutPreemptively(Duration.ofSeconds(90), () -> run(c))));
    }

    private static void run(Case c) throws IOException {
        Path file = dir.resolve(c.fileName());
        SplittableRandom rng = new SplittableRandom(c.name().hashCode());
        List<String> failures = new ArrayList<>();
        int n = 0;
        // Truncation at every offset of the valid file.
        for (int cut = 0; cut < c.valid().length; cut++, n++) {
            check(c, file, java.util.Arrays.copyOf(c.valid(), cut), "truncated at " + cut, failures);
        }
        for (int i = 0; n < PER_READER; i++, n++) {
            byte[] input = switch (i % 4) {
                case 0 -> random(rng);
                case 1 -> flip(rng, c.valid(), 1 + rng.nextInt(8));
                default -> c.lying().make(rng, c.valid());
            };
            check(c, file, input, "input " + i + " (kind " + i % 4 + ")", failures);
        }
        if (!failures.isEmpty()) {
            fail(c.name() + ": " + failures.size() + " of " + n + " inputs failed, e.g. " + failures.subList(0,
                    Math.min(5, failures.size())));
        }
    }

    private static void check(Case c, Path file, byte[] input, String what, List<String> failures) throws IOException {
        Files.write(file, input);
        try {
            c.reader().read(file);
        } catch (InputException e) {
            if (e.getMessage() == null || e.getMessage().contains("\n") || !e.getMessage().contains(file.toString())) {
                failures.add(what + ": message not one line naming the file: " + e.getMessage());
            }
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            failures.add(what + ": " + e);
        }
    }

    private static byte[] random(SplittableRandom rng) {
        byte[] b = new byte[rng.nextInt(1, 600)];
        rng.nextBytes(b);
        return b;
    }

    static byte[] flip(SplittableRandom rng, byte[] valid, int bits) {
        byte[] b = valid.clone();
        for (int k = 0; k < bits && b.length > 0; k++) {
            int at = rng.nextInt(b.length);
            b[at] ^= (byte) (1 << rng.nextInt(8));
        }
        return b;
    }

    static byte[] idx(int magic, int[] dims, int dataBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        putInt(out, magic);
        for (int d : dims) {
            putInt(out, d);
        }
        for (int i = 0; i < dataBytes; i++) {
            out.write(i % 10);
        }
        return out.toByteArray();
    }

    private static void putInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    /** Dimensions (huge, zero, any) or the element type byte replaced; the small data stays. */
    static byte[] lyingIdx(SplittableRandom rng, byte[] valid) {
        byte[] b = valid.clone();
        if (rng.nextBoolean()) {
            b[2] = (byte) new int[] {0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E, rng.nextInt(256)}[rng.nextInt(7)];
            b[3] = (byte) rng.nextInt(5);
        } else {
            int dims = Math.min(b[3] & 0xFF, 3);
            for (int k = 0; k < dims && 8 + 4 * k <= b.length; k++) {
                int v = rng.nextBoolean() ? rng.nextInt() : rng.nextInt(0, 1 << 20);
                b[4 + 4 * k] = (byte) (v >>> 24);
                b[5 + 4 * k] = (byte) (v >>> 16);
                b[6 + 4 * k] = (byte) (v >>> 8);
                b[7 + 4 * k] = (byte) v;
            }
        }
        return b;
    }

    static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(raw);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV-shaped lines: odd numbers, wide lines, non-numbers, quotes, BOMs, blank fields. */
    static byte[] csvish(SplittableRandom rng, byte[] valid) {
        String[] atoms = {"0", "255", "256", "-1", "0.5", "1e308", "1e309", "NaN", "Infinity", "", " ", "x", "\"7\"",
            "\uFEFF3", "999999999999", "9".repeat(400), "1,2", "label", "pixel0"};
        StringBuilder sb = new StringBuilder();
        int lines = rng.nextInt(1, 6);
        int width = rng.nextInt(1, 8);
        for (int l = 0; l < lines; l++) {
            int w = rng.nextInt(4) == 0 ? rng.nextInt(1, 12) : width;
            for (int k = 0; k < w; k++) {
                sb.append(k == 0 ? "" : ",").append(rng.nextInt(3) == 0 ? atoms[rng.nextInt(atoms.length)]
                        : Integer.toString(rng.nextInt(256)));
            }
            sb.append(rng.nextInt(8) == 0 ? "\r\n" : "\n");
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] npy() throws IOException {
        Path f = dir.resolve("valid.npy");
        Npy.write(f, NdArray.of("a", new int[] {3, 4}, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
        return Files.readAllBytes(f);
    }

    /** A header dictionary with a lying shape or another element type, before the valid file's data. */
    static byte[] lyingNpy(SplittableRandom rng, byte[] valid) {
        String[] descr = {"<f8", "<f4", "|u1", "|i1", "<i2", ">i4", "<i8", "|b1", "<c16", "|O", "<U3", "<f2", "x", ""};
        String shape = switch (rng.nextInt(5)) {
            case 0 -> "()";
            case 1 -> "(" + rng.nextLong(0, Long.MAX_VALUE) + ",)";
            case 2 -> "(" + rng.nextInt(0, 100_000) + ", " + rng.nextInt(0, 100_000) + ")";
            case 3 -> "(-3, 4)";
            default -> "(3, 4, " + rng.nextInt(0, 1 << 30) + ")";
        };
        String dict = "{'descr': '" + descr[rng.nextInt(descr.length)] + "', 'fortran_order': "
                + (rng.nextBoolean() ? "False" : "True") + ", 'shape': " + shape + ", }";
        int headerLen = dict.length() + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) headerLen, (byte) (headerLen >> 8)});
        out.writeBytes((dict + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.writeBytes(java.util.Arrays.copyOfRange(valid, Math.min(valid.length, 128), valid.length));
        return out.toByteArray();
    }

    static byte[] npz() throws IOException {
        Path f = dir.resolve("valid.npz");
        Npz.write(f, NamedArrays.of(NdArray.of("Theta1", new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}),
                NdArray.of("Theta2", new int[] {2, 3}, new double[] {6, 5, 4, 3, 2, 1})));
        return Files.readAllBytes(f);
    }

    static byte[] octave() {
        return ("# Created by Octave\n# name: Theta1\n# type: matrix\n# rows: 2\n# columns: 3\n 1 2 3\n 4 5 6\n\n\n"
                + "# name: Theta2\n# type: matrix\n# rows: 1\n# columns: 3\n 0.5 -1 2\n").getBytes();
    }

    /** The valid text with one header number replaced by a huge, negative or non-number. */
    static byte[] lyingOctave(SplittableRandom rng, byte[] valid) {
        String s = new String(valid, java.nio.charset.StandardCharsets.ISO_8859_1);
        String[] values = {"2000000000", "-1", "0", "x", "99999999999999999999", "3.5", "", "1e9"};
        String field = new String[] {"# rows: 2", "# columns: 3", "# rows: 1", "# type: matrix"}[rng.nextInt(4)];
        String repl = field.startsWith("# type") ? "# type: " + new String[] {"scalar", "complex matrix", "cell",
            "string", "bool matrix", "sparse matrix", "int32 matrix", "struct"}[rng.nextInt(8)]
                : field.substring(0, field.indexOf(':') + 2) + values[rng.nextInt(values.length)];
        return s.replaceFirst(java.util.regex.Pattern.quote(field), repl).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static byte[] model() throws IOException {
        Network net = new Network(new Architecture(4, new int[] {3}, 2), Activations.parse("tanh"), Loss.SOFTMAX);
        double[] p = new double[net.layout().size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.sin(i + 1);
        }
        Path f = dir.resolve("valid-model.npz");
        ModelFile.write(f, new Model(net, p, 2, 2, new com.google.gson.JsonObject()));
        return Files.readAllBytes(f);
    }
}
