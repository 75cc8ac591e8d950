package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import theta.io.Npz;
import theta.io.NamedArrays;
import theta.io.NdArray;
import theta.math.Precision;
import theta.train.Quadrants;

/**
 * Hostile command lines (folders for files, missing and empty files, wrong formats, damaged
 * model metadata, bad numbers, unknown options) each end in exactly one line on stderr,
 * "theta: <file or option>: <what is wrong>", and exit 2: no Java class name, no stack trace, no
 * temporary file's name. One row per invocation; {@code @NAME} stands for a fixture file below.
 */
class OneLineErrorsTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void fixtures() throws Exception {
        WorkflowTest.csv(dir.resolve("train.csv"), Quadrants.make("train", 200, 1));
        WorkflowTest.csv(dir.resolve("small.csv"), Quadrants.make("small", 5, 2));
        WorkflowTest.Run r = WorkflowTest.run("train", "--train", at("train.csv"), "--test", at("train.csv"),
                "--validation", "50", "--hidden", "4", "--epochs", "1", "--out", at("model.npz"), "--quiet", "--no-plots");
        assertEquals(0, r.code(), r.err());
        Files.createDirectories(dir.resolve("folder"));
        Files.write(dir.resolve("empty.npz"), new byte[0]);
        byte[] junk = new byte[3000];
        new Random(7).nextBytes(junk);
        junk[5] = 0;
        Files.write(dir.resolve("junk.bin"), junk);
        Files.write(dir.resolve("junk.png"), junk);
        // A float IDX image file (type 0x0D) and unsigned-byte labels for it.
        Files.write(dir.resolve("float-images.idx"), idx(0x0D03, new int[] {2, 8, 8}, new byte[2 * 64 * 4]));
        Files.write(dir.resolve("labels.idx"), idx(0x0801, new int[] {2}, new byte[2]));
        // Label 4 with a 4-output model: fine as 1..4, out of range as 0..3.
        StringBuilder csv = new StringBuilder();
        for (int label : new int[] {1, 4}) {
            csv.append(label).append(",0".repeat(64)).append('\n');
        }
        Files.writeString(dir.resolve("label4.csv"), csv);
        Files.write(dir.resolve("binary-table.txt"), new byte[] {'1', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        Files.writeString(dir.resolve("broken.history.json"), "{\"a\": 1}");
        NamedArrays weights = Npz.read(dir.resolve("model.npz"));
        JsonObject meta = JsonParser.parseString(new String(Npz.readEntry(dir.resolve("model.npz"), "model.json", 1 << 20),
                StandardCharsets.UTF_8)).getAsJsonObject();
        model("no-format.npz", weights, "{}");
        JsonObject arch5 = meta.deepCopy();
        arch5.addProperty("architecture", 5);
        model("architecture5.npz", weights, arch5.toString());
        JsonObject hiddenX = meta.deepCopy();
        hiddenX.getAsJsonObject("architecture").addProperty("hidden", "x");
        model("hidden-x.npz", weights, hiddenX.toString());
        model("list.npz", weights, "[1, 2]");
        NdArray t1 = weights.get("Theta1");
        double[] nan = t1.data().clone();
        nan[3] = Double.NaN;
        model("nan.npz", weights.with(NdArray.of("Theta1", t1.shape(), nan)), meta.toString());
        Npz.write(dir.resolve("theta3d.npz"), NamedArrays.of(NdArray.of("Theta1", new int[] {4, 65, 1}, new double[4 * 65]),
                weights.get("Theta2")));
    }

    private static void model(String name, NamedArrays arrays, String json) throws Exception {
        Npz.write(dir.resolve(name), arrays, Precision.F64, "model.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] idx(int magic, int[] dims, byte[] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static String at(String name) {
        return dir.resolve(name).toString();
    }

    @ParameterizedTest(name = "theta {0}")
    @CsvSource(delimiter = '|', value = {
        // options
        "train --hidden x                                   | --hidden x: ",
        "train --nosuch                                     | --nosuch: unknown option",
        "nosuch                                             | nosuch: unknown command",
        "help nosuch                                        | nosuch: unknown command; commands of 'theta':",
        "help data nosuch                                   | nosuch: unknown command; commands of 'data':",
        "train --seed abc                                   | --seed: 'abc' is not a whole number",
        "cost --data @label4.csv                            | --weights: required, not given",
        "data show --train @train.csv                       | missing argument N",
        "train --train @train.csv --test @train.csv --validation 50 --threads 0 --quiet --no-plots | --threads 0: ",
        "train --train @small.csv --test @small.csv --quiet | small.csv: 5 examples, too few to hold out the default",
        "train --train @train.csv --test @train.csv --validation 500 --quiet --no-plots | theta: --validation 500: must be 0..199 (",
        "evaluate @model.npz --train @train.csv --test @train.csv --worst -1 | theta: --worst -1: must be 0 or more",
        "cost --weights @model.npz --data @train.csv --limit -1 | theta: --limit -1: must be 0 or more",
        "bench --infer-reps 0                               | theta: --infer-reps 0: must be 1 or more",
        "gradcheck --eps 2 --no-mnist                       | theta: --eps 2: must be in (0, 1)",
        "gradcheck --order 3 --no-mnist                     | theta: --order 3: must be 2 or 4",
        "gradcheck --tolerance 0 --no-mnist                 | theta: --tolerance 0: must be > 0",
        "train --train @train.csv --test @train.csv --validation 50 --lambda 1e308 --epochs 1 --out @o.npz --quiet --no-plots | try a smaller --lambda",
        // folders where a file is expected
        "evaluate @folder --train @train.csv --test @train.csv | folder: is a folder, not a file",
        "predict @model.npz @folder                         | folder: is a folder, not a file",
        "cost --weights @folder --data @label4.csv          | folder: is a folder, not a file",
        "cost --weights @model.npz --data @folder           | folder: is a folder, not a file",
        "export --to @x.npz @folder                         | folder: is a folder, not a file",
        "train --train @train.csv --test @folder            | folder: is a folder, not a file",
        "plot @folder                                       | folder: is a folder, not a file",
        "diagnose @folder                                   | folder: is a folder, not a file",
        // missing, empty and unwritable files
        "predict @model.npz @nosuch.png                     | nosuch.png: no such file",
        "cost --weights @nosuch.npz --data @label4.csv      | nosuch.npz: no such file",
        "evaluate @empty.npz --train @train.csv --test @train.csv | empty.npz: ",
        "export --to /proc/theta-test.npz @model.npz        | /proc/theta-test.npz: cannot write it",
        // wrong formats
        "predict @model.npz @junk.png                       | junk.png: not a PNG/JPEG image",
        "cost --weights @model.npz --data @float-images.idx --label-file @labels.idx | float-images.idx: IDX data type 0x0D (float) is not supported",
        "cost --weights @model.npz --data @junk.bin         | junk.bin: not a data file theta reads",
        "cost --weights @model.npz --data @label4.csv       | label4.csv: label 4 is out of range for Theta2 in",
        "cost --weights @theta3d.npz --data @label4.csv     | theta3d.npz: Theta1 is 4x65x1",
        "diagnose @binary-table.txt                         | binary-table.txt: not UTF-8 text",
        "plot @broken.history.json                          | broken.history.json: not a training history",
        "train --resume @model.npz                          | model.npz: not a theta checkpoint",
        // damaged model metadata, and weights that cannot be used
        "evaluate @no-format.npz --train @train.csv --test @train.csv    | no-format.npz: damaged model.json: no \"format\"",
        "evaluate @architecture5.npz --train @train.csv --test @train.csv | \"architecture\" is 5, expected an object",
        "evaluate @hidden-x.npz --train @train.csv --test @train.csv     | \"architecture.hidden\" is \"x\", expected a list",
        "predict @list.npz @junk.png                        | list.npz: damaged model.json: expected a JSON object, found a list",
        "evaluate @nan.npz --train @train.csv --test @train.csv | nan.npz: Theta1 holds a non-finite weight",
    })
    void endsInOneLineAndExitTwo(String command, String expected) {
        String[] args = Arrays.stream(command.trim().split("\\s+"))
                .map(a -> a.startsWith("@") ? at(a.substring(1)) : a).toArray(String[]::new);
        WorkflowTest.Run r = WorkflowTest.run(args);
        String err = r.err();
        assertEquals(2, r.code(), "exit code; stderr: " + err + "; stdout: " + r.out());
        assertTrue(err.startsWith("theta: ") && err.endsWith("\n") && err.indexOf('\n') == err.length() - 1,
                "one line on stderr: " + err);
        for (String leak : new String[] {"Exception", "java.", "com.google", ".tmp", "\tat "}) {
            assertFalse(err.contains(leak), "'" + leak + "' in: " + err);
        }
        assertTrue(err.contains(expected.trim()), "expected '" + expected.trim() + "' in: " + err);
    }
}
