package theta.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import theta.io.MatFile;
import theta.io.NamedArrays;
import theta.io.NdArray;

/** MATLAB .mat files in the hostile-input suite: a small file written by theta's own writer, bit-flipped. */
final class MatHook {
    private MatHook() {}

    static HostileInputTest.Case matCase() {
        try {
            Path f = HostileInputTest.dir.resolve("valid.mat");
            MatFile.write(f, NamedArrays.of(NdArray.of("Theta1", new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}),
                    NdArray.of("Theta2", new int[] {1, 3}, new double[] {0.5, -1, 2})));
            return new HostileInputTest.Case(".mat", "w.mat", Files.readAllBytes(f), MatFile::read,
                    (rng, v) -> HostileInputTest.flip(rng, v, 1 + rng.nextInt(4)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
