package examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.data.Dataset;
import theta.data.MnistFixture;

/** The README's examples compile and run, at small sizes so that they take seconds. */
class ExamplesTest {
    /** Runs an example's main with System.out captured, and puts System.out back. */
    private static String run(ThrowingMain main) throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(before);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface ThrowingMain {
        void run() throws Exception;
    }

    @Test
    void trainSaveLoadAndPredictAPng(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.npz");
        String trained = run(() -> TrainAndSave.main(new String[] {model.toString(), "2", "3000", "32"}));
        assertTrue(Files.isRegularFile(model), trained);
        assertTrue(trained.contains("epoch 2: loss "), trained);
        assertTrue(trained.contains("test accuracy "), trained);

        Dataset test = MnistFixture.mnist().test();
        Path png = dir.resolve("digit.png");
        writeFirstTestDigit(png);
        String predicted = run(() -> PredictImage.main(new String[] {model.toString(), png.toString()}));
        assertTrue(predicted.startsWith(png + ": " + test.label(0) + " ("), predicted);
    }

    /** Writes MNIST's first test image as a 28x28 grey PNG. */
    static void writeFirstTestDigit(Path png) throws Exception {
        Dataset test = MnistFixture.mnist().test();
        float[] pixels = new float[test.features()];
        test.copyRow(0, pixels, 0);
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < pixels.length; i++) {
            image.getRaster().setSample(i % 28, i / 28, 0, Math.round(pixels[i] * 255));
        }
        ImageIO.write(image, "png", png.toFile());
    }

    @Test
    void checkYourOwnCost() throws Exception {
        assertTrue(run(() -> CheckYourCost.main(new String[0])).startsWith("passed: true"));
        String buggy = run(() -> CheckYourCost.main(new String[] {"buggy"}));
        assertTrue(buggy.startsWith("passed: false"), buggy);
        assertTrue(buggy.contains("diagnosis: "), buggy);
    }

    @Test
    void sweepActivations() throws Exception {
        String out = run(() -> SweepActivations.main(new String[] {"1", "2000", "relu", "tanh"}));
        assertEquals(2, out.lines().count(), out);
        assertTrue(out.startsWith("relu "), out);
    }
}
