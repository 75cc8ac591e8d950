package theta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import theta.testing.Tools;

/** Fashion-MNIST as Debian installs it (gzip IDX files); fails in CI where the package is absent. */
class FashionMnistTest {
    @Test
    void loadsTheDebianFiles() {
        Tools.require("Debian's dataset-fashion-mnist", Files.isDirectory(FashionMnist.FOLDER));
        Splits s = FashionMnist.load(5_000);
        assertEquals(55_000, s.train().size());
        assertEquals(5_000, s.validation().size());
        assertEquals(10_000, s.test().size());
        assertEquals(9, s.train().label(0));  // the first training image is an ankle boot
        assertEquals(9, s.test().label(0));
        assertEquals(28, s.train().rows());
    }
}
