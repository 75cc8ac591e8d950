package theta.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.math.Precision;
import theta.testing.Tools;

/**
 * Files written here are loaded by NumPy itself (Debian's python3-numpy), which checks every
 * value; the committed fixtures cover the other direction. Fails in CI where NumPy is missing.
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
        Tools.requirePython("numpy");
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
        Tools.Run r = Tools.run(Duration.ofMinutes(2), Tools.python(), "-c", CHECK, dir.toString());
        assertEquals(new Tools.Run(0, "OK"), new Tools.Run(r.exit(), r.output().strip()));
    }
}
