package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import theta.data.Dataset;
import theta.data.MnistFixture;

/**
 * Learning on real MNIST, kept short: a small network trained on 10,000 images must classify the
 * test set well, and 'theta predict' must read real image files the way MNIST was prepared.
 */
class MnistLearningTest {
    @TempDir
    Path dir;

    @Test
    void aShortRunLearnsAndPredictsImageFiles() throws Exception {
        MnistFixture.mnist(); // fetch once if needed
        Path model = dir.resolve("m.npz");
        WorkflowTest.Run r = WorkflowTest.run("train", "--hidden", "64", "--epochs", "3", "--limit", "10000", "--lambda", "0",
                "--lr", "0.1", "--out", model.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("test accuracy: ([0-9.]+)%").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) > 91, r.out());

        // Ten test digits as photos would come: black ink on white, 5x larger, off-centre.
        Dataset test = MnistFixture.mnist().test();
        List<String> args = new ArrayList<>(List.of("predict", model.toString(), "--json"));
        for (int i = 0; i < 10; i++) {
            BufferedImage img = new BufferedImage(200, 180, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 180; y++) {
                for (int x = 0; x < 200; x++) {
                    int sx = (x - 30) / 5;
                    int sy = (y - 10) / 5;
                    int v = sx >= 0 && sx < 28 && sy >= 0 && sy < 28 ? test.rawByte(i, sy * 28 + sx) : 0;
                    img.getRaster().setSample(x, y, 0, 255 - v);
                }
            }
            Path png = dir.resolve("digit" + i + ".png");
            ImageIO.write(img, "png", png.toFile());
            args.add(png.toString());
        }
        WorkflowTest.Run p = WorkflowTest.run(args.toArray(String[]::new));
        assertEquals(0, p.code(), p.err());
        var results = com.google.gson.JsonParser.parseString(p.out()).getAsJsonArray();
        int correct = 0;
        for (int i = 0; i < 10; i++) {
            if (results.get(i).getAsJsonObject().get("prediction").getAsInt() == test.label(i)) {
                correct++;
            }
        }
        assertTrue(correct >= 9, correct + " of 10 image files classified correctly: " + p.out());
    }
}
