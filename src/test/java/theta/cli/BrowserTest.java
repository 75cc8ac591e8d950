package theta.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import theta.data.Dataset;
import theta.data.MnistFixture;
import theta.eval.Classifier;
import theta.io.ModelFile;
import theta.nn.Model;
import theta.plot.ModelReport;
import theta.testing.Tools;
import theta.web.Predictor;
import theta.web.Server;

/**
 * The drawing page in headless Chromium, driven through its own pointer events: real MNIST test
 * digits traced stroke by stroke on the canvas must get the class and probabilities that
 * {@code theta predict} gives for the 28x28 image the page reports it sent. Also: upload, Clear,
 * Esc, the error for a blank image, and the report page. Screenshots go to target/browser/.
 */
class BrowserTest {
    static final Path SHOTS = Path.of("target/browser");
    static final int PAD = 280;

    @TempDir
    static Path dir;
    static Path modelFile;
    static Classifier classifier;
    static Server server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        Tools.requireChromium();
        MnistFixture.mnist();
        modelFile = dir.resolve("m.npz");
        WorkflowTest.Run r = WorkflowTest.run("train", "--hidden", "64", "--epochs", "2", "--limit", "5000",
                "--lr", "0.1", "--no-plots", "--out", modelFile.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Model model = ModelFile.read(modelFile);
        classifier = new Classifier(model);
        server = Server.start(0, new Predictor() {
            @Override
            public double[] probabilities(float[] image784) {
                return classifier.probabilities(image784);
            }

            @Override
            public int classes() {
                return 10;
            }

            @Override
            public Map<String, String> describe() {
                return ModelFile.describe(model);
            }
        });
        server.report(() -> {
            try {
                return ModelReport.html(modelFile, model, msg -> { }).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Files.createDirectories(SHOTS);
        System.setProperty("SE_OFFLINE", "true");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1000,1000", "--user-data-dir=" + Files.createTempDirectory(dir, "chrome"));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tracedDigitsGetWhatThetaPredictGivesForTheImageSent() throws Exception {
        driver.get(server.url());
        Dataset test = MnistFixture.mnist().test();
        for (int index : new int[] {0, 1, 2}) {
            driver.findElement(By.id("clear")).click();
            int before = replies();
            trace(test, index);
            waitForQuiet(before);
            float[] sent = floats(driver.findElement(By.id("seen")).getAttribute("data-input28"));
            assertEquals(784, sent.length);
            checkPageAgainstPredict(sent);
            shot("digit-" + index);
        }
    }

    @Test
    void uploadClearEscAndBlankImage() throws Exception {
        driver.get(server.url());
        Dataset test = MnistFixture.mnist().test();
        // An MNIST digit as a photo would come: black ink on white, five times larger.
        BufferedImage img = new BufferedImage(140, 140, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 140; y++) {
            for (int x = 0; x < 140; x++) {
                img.getRaster().setSample(x, y, 0, 255 - test.rawByte(3, (y / 5) * 28 + x / 5));
            }
        }
        Path png = dir.resolve("upload.png");
        ImageIO.write(img, "png", png.toFile());
        int before = replies();
        driver.findElement(By.id("upload")).sendKeys(png.toAbsolutePath().toString());
        waitForQuiet(before);
        float[] sent = floats(driver.findElement(By.id("seen")).getAttribute("data-input28"));
        checkPageAgainstPredict(sent);
        // The file itself, through 'theta predict': the same preparation, so the same probabilities exactly.
        double[] cli = predict(png);
        assertArrayEquals(cli, doubles(driver.findElement(By.id("bars")).getAttribute("data-probabilities")), 1e-12);
        shot("upload");

        driver.findElement(By.id("clear")).click();
        assertCleared();

        before = replies();
        trace(test, 4);
        waitForQuiet(before);
        assertFalse(driver.findElement(By.id("digit")).getText().equals("?"));
        driver.findElement(By.id("pad")).sendKeys(Keys.ESCAPE);
        assertCleared();

        BufferedImage white = new BufferedImage(120, 120, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 120; x++) {
                white.getRaster().setSample(x, y, 0, 255);
            }
        }
        Path blank = dir.resolve("blank.png");
        ImageIO.write(white, "png", blank.toFile());
        before = replies();
        driver.findElement(By.id("upload")).sendKeys(blank.toAbsolutePath().toString());
        waitForQuiet(before);
        WebElement status = driver.findElement(By.id("status"));
        assertTrue(status.getAttribute("class").contains("error"), status.getText());
        assertTrue(status.getText().contains("blank"), status.getText());
        assertEquals("?", driver.findElement(By.id("digit")).getText());
        shot("blank-error");
    }

    @Test
    void thePageLinksTheModelReport() throws Exception {
        driver.get(server.url());
        driver.findElement(By.id("report-link")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/report"));
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("theta model report"));
        assertEquals(11, driver.findElements(By.cssSelector("#confusion-table tr")).size());
        assertTrue(driver.findElements(By.tagName("img")).size() >= 4);
        shot("report");
    }

    /** Draws test digit {@code index} on the pad: every other row's runs of ink as one stroke each, with a real mouse. */
    static void trace(Dataset test, int index) {
        Rectangle r = driver.findElement(By.id("pad")).getRect();
        double s = r.getWidth() / 28.0;
        PointerInput mouse = new PointerInput(PointerInput.Kind.MOUSE, "mouse");
        Sequence strokes = new Sequence(mouse, 0);
        for (int row = 0; row < 28; row += 2) {
            int y = (int) Math.round(r.getY() + (row + 0.5) * s);
            for (int col = 0; col < 28; col++) {
                if (test.rawByte(index, row * 28 + col) < 128) {
                    continue;
                }
                strokes.addAction(move(mouse, r.getX() + (col + 0.5) * s, y));
                strokes.addAction(mouse.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
                while (col + 1 < 28 && test.rawByte(index, row * 28 + col + 1) >= 128) {
                    col++;
                    strokes.addAction(move(mouse, r.getX() + (col + 0.5) * s, y));
                }
                strokes.addAction(mouse.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
            }
        }
        driver.perform(List.of(strokes));
    }

    /** A short pointer move (Actions' default takes 250 ms per move). */
    static org.openqa.selenium.interactions.Interaction move(PointerInput mouse, double x, int y) {
        return mouse.createPointerMove(Duration.ofMillis(8), PointerInput.Origin.viewport(), (int) Math.round(x), y);
    }

    /** The page's class, its ten bars and its exact probabilities against 'theta predict' for the image sent. */
    static void checkPageAgainstPredict(float[] sent) throws Exception {
        double[] expected = classifier.probabilities(sent.clone());
        int best = 0;
        for (int k = 1; k < 10; k++) {
            best = expected[k] > expected[best] ? k : best;
        }
        assertEquals(Integer.toString(best), driver.findElement(By.id("digit")).getText());
        double[] shown = doubles(driver.findElement(By.id("bars")).getAttribute("data-probabilities"));
        assertArrayEquals(expected, shown, 1e-12);
        List<WebElement> bars = driver.findElements(By.cssSelector("#bars li .p"));
        assertEquals(10, bars.size());
        for (int k = 0; k < 10; k++) {
            String text = bars.get(k).getText();
            double percent = Double.parseDouble(text.replace("%", ""));
            assertEquals(100 * expected[k], percent, expected[k] < 0.1 ? 0.051 : 0.51, "bar " + k + ": " + text);
        }
        // The 28x28 image the page reports, as a PNG through the command line: the same class.
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 784; i++) {
            img.getRaster().setSample(i % 28, i / 28, 0, Math.round(255 * sent[i]));
        }
        Path png = Files.createTempFile(dir, "sent", ".png");
        ImageIO.write(img, "png", png.toFile());
        double[] cli = predict(png);
        assertEquals(best, argmax(cli), "theta predict on the 28x28 image the page sent: " + Arrays.toString(cli));
    }

    static double[] predict(Path png) {
        WorkflowTest.Run p = WorkflowTest.run("predict", modelFile.toString(), png.toString(), "--json");
        assertEquals(0, p.code(), p.err());
        JsonObject o = JsonParser.parseString(p.out()).getAsJsonArray().get(0).getAsJsonObject();
        return new com.google.gson.Gson().fromJson(o.get("probabilities"), double[].class);
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k] > p[best] ? k : best;
        }
        return best;
    }

    static void assertCleared() {
        assertEquals("?", driver.findElement(By.id("digit")).getText());
        assertEquals("Draw a digit to see a prediction.", driver.findElement(By.id("status")).getText());
        assertNull(driver.findElement(By.id("seen")).getAttribute("data-input28"));
    }

    static int replies() {
        Object v = driver.executeScript("return Number(document.body.dataset.replies || 0);");
        return ((Number) v).intValue();
    }

    /** Waits until a reply newer than {@code before} came and no other follows for a while (the drawing is settled). */
    static void waitForQuiet(int before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            int now = replies();
            if (now > before && now == last) {
                return;
            }
            last = now;
            Thread.sleep(500);
        }
        throw new AssertionError("the page got no settled answer from the server (replies: " + last + ")");
    }

    static void shot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    static float[] floats(String csv) {
        assertTrue(csv != null && !csv.isEmpty(), "the page reports no input28");
        String[] f = csv.split(",");
        float[] out = new float[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = Float.parseFloat(f[i]);
        }
        return out;
    }

    static double[] doubles(String csv) {
        assertTrue(csv != null && !csv.isEmpty(), "the page reports no probabilities");
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
