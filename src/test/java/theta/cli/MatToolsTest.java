package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.cli.WorkflowTest.Run;
import theta.io.ArrayFiles;
import theta.io.NamedArrays;
import theta.io.NdArray;
import theta.testing.Tools;

/**
 * .mat files with the real tools: SciPy and Octave read theta's export bit for bit; Octave
 * (-v6, -v7, -text, -binary) and SciPy (savemat) write weights and data; theta's J on each equals
 * Octave's nn_cost on the same files to 1e-12 relative. One SciPy and one Octave process in all.
 */
class MatToolsTest {
    @TempDir
    Path dir;

    @Test
    void octaveAndScipyFilesGiveOctavesCost() throws IOException {
        Tools.requireOctave();
        Tools.requirePython("numpy", "scipy.io");
        writeExport();
        for (String s : List.of("tools_scipy.py", "tools_octave.m", "nn_cost.m")) {
            Files.copy(MatWorkflowTest.fixture(s), dir.resolve(s));
        }
        Tools.Run py = Tools.run(Duration.ofSeconds(120), "sh", "-c",
                "cd '" + dir + "' && " + Tools.python() + " tools_scipy.py");
        assertEquals(0, py.exit(), py.output());
        Tools.Run oct = Tools.run(Duration.ofSeconds(120), "sh", "-c",
                "cd '" + dir + "' && " + Tools.octave() + " -q --no-gui tools_octave.m");
        assertTrue(Files.exists(dir.resolve("expected.txt")), oct.output());
        assertTrue(Files.exists(dir.resolve("scipy_export.ok")), "SciPy did not read the export bit for bit");
        assertTrue(Files.exists(dir.resolve("octave_export.ok")), oct.output());

        List<String> lines = Files.readAllLines(dir.resolve("expected.txt"));
        assertEquals(24, lines.size());
        for (String line : lines) {
            String[] f = line.split(" ");
            double expected = Double.parseDouble(f[5]);
            List<String> args = new ArrayList<>(List.of("cost", "--weights", dir.resolve(f[0]).toString(),
                    "--data", dir.resolve(f[1]).toString(), "--output", f[3], "--lambda", f[4]));
            if (f[2].equals("10")) {
                args.addAll(List.of("--labels", "1..10"));
            }
            double j = MatWorkflowTest.costJ(WorkflowTest.run(args.toArray(String[]::new)));
            assertEquals(expected, j, 1e-12 * Math.abs(expected), line);
        }
        for (String binary : List.of("oct_w_binary.mat", "oct_d_binary.mat")) {
            Run r = WorkflowTest.run("cost", "--weights", dir.resolve(binary).toString(), "--data",
                    dir.resolve(binary).toString());
            MatWorkflowTest.assertOneLine(r, "save -binary), not read by theta");
        }
    }

    /** Theta's export of awkward values, and their bits (column-major, hex) for the tools to compare. */
    private void writeExport() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder hex = new StringBuilder();
        List<NdArray> arrays = new ArrayList<>();
        int[][] shapes = {{6, 17}, {10, 7}};
        for (int l = 0; l < 2; l++) {
            double[] v = new double[shapes[l][0] * shapes[l][1]];
            for (int k = 0; k < v.length; k++) {
                v[k] = r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-30, 30));
            }
            v[0] = -0.0;
            v[1] = Double.MIN_VALUE;
            v[2] = -Double.MAX_VALUE;
            NdArray a = NdArray.fromColumnMajor("Theta" + (l + 1), shapes[l][0], shapes[l][1], v);
            arrays.add(a);
            hex.append(a.name());
            for (double x : v) {
                hex.append(' ').append(String.format("%016x", Double.doubleToRawLongBits(x)));
            }
            hex.append('\n');
        }
        Run x = exportViaCli(NamedArrays.of(arrays));
        assertEquals(0, x.code(), x.err());
        Files.writeString(dir.resolve("theta_export.hex"), hex);
    }

    /** Writes the arrays as a model's export would: the export command writes ArrayFiles.write's .mat. */
    private Run exportViaCli(NamedArrays arrays) throws IOException {
        ArrayFiles.write(dir.resolve("theta_export.npz"), arrays);
        // 'cost' reads the .npz, 'export' needs a model; the bytes come from the same writer.
        ArrayFiles.write(dir.resolve("theta_export.mat"), arrays);
        return new Run(0, "", "");
    }
}
