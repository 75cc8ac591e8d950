package theta.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.math.Precision;

/**
 * Files written here are loaded by NumPy itself, which checks every value. Skipped where no
 * python3 with numpy is installed; the committed fixtures cover the other direction.
 */
class NumpyInteropTest {
    @TempDir
    Path dir;

    private static final String CHECK = String.join("\n",
            "import sys, numpy as np",
            "d = sys.argv[1]",
            "z = np.load(d + '/w.npz')",
            "assert list(z.files) == ['Theta1', 'Theta2', 'cube'], z.files",
            "t1 = np.array([[(i + 1) * 0.25 - j / 8 for j in range(3)] for i in range(2)])",
            "t2 = np.array([[-(i + 1) + j * 0.125 for j in range(3)] for i in range(2)])",
            "for name, want in [('Theta1', t1), ('Theta2', t2), ('cube', np.arange(24.).reshape(2, 3, 4) / 7)]:",
            "    got = z[name]",
            "    assert got.dtype == np.float64 and got.shape == want.shape and np.array_equal(got, want), name",
            "s = np.load(d + '/s.npy')",
            "assert s.shape == () and s == -2.75, s",
            "f = np.load(d + '/f.npy')",
            "assert f.dtype == np.float32 and f.shape == (2,) and f[0] == np.float32(0.1) and f[1] == 3, f",
            "print('OK')");

    @Test
    void numpyLoadsWhatThetaWrites() throws Exception {
        String python = "/usr/bin/python3";
        assumeTrue(run(List.of(python, "-c", "import numpy")).startsWith("exit 0"), "python3 with numpy not found");
        double[] t1 = new double[6];
        double[] t2 = new double[6];
        for (int k = 0; k < 6; k++) {
            t1[k] = Fixtures.theta1(k / 3, k % 3);
            t2[k] = Fixtures.theta2(k / 3, k % 3);
        }
        double[] cube = new double[24];
        for (int k = 0; k < 24; k++) {
            cube[k] = k / 7.0;
        }
        Npz.write(dir.resolve("w.npz"), NamedArrays.of(NdArray.of2d("Theta1", 2, 3, t1),
                NdArray.fromColumnMajor("Theta2", 2, 3, NdArray.of2d("", 2, 3, t2).toColumnMajor()),
                NdArray.of("cube", new int[] {2, 3, 4}, cube)));
        Npy.write(dir.resolve("s.npy"), NdArray.scalar("s", -2.75));
        Npy.write(dir.resolve("f.npy"), NdArray.of("f", new int[] {2}, new double[] {0.1, 3}), Precision.F32);
        assertEquals("exit 0\nOK", run(List.of(python, "-c", CHECK, dir.toString())).strip());
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "not runnable: " + e.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroy();
            return "timed out";
        }
        return "exit " + p.exitValue() + "\n" + out;
    }
}
