package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** 'theta cost' against NumPy (src/test/resources/reference/cost_reference.py), to 1e-10 relative. */
class CostReferenceTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CostReferenceTest.class.getResource("/reference/cost/" + name).toURI());
    }

    @Test
    void reproducesNumpyCostsForNpzWeights() throws Exception {
        int cases = 0;
        try (Reader r = new InputStreamReader(CostReferenceTest.class.getResourceAsStream("/reference/cost/expected.json"),
                StandardCharsets.UTF_8)) {
            for (JsonElement e : JsonParser.parseReader(r).getAsJsonArray()) {
                JsonObject c = e.getAsJsonObject();
                WorkflowTest.Run run = WorkflowTest.run("cost", "--weights", resource("weights.npz").toString(),
                        "--data", resource("data.csv").toString(), "--labels", "1..4",
                        "--activation", c.get("activation").getAsString(), "--output", c.get("output").getAsString(),
                        "--lambda", c.get("lambda").getAsString());
                assertEquals(0, run.code(), run.err());
                Matcher m = Pattern.compile("J = ([-0-9.eE+]+)").matcher(run.out());
                assertTrue(m.find(), run.out());
                double expected = c.get("J").getAsDouble();
                assertEquals(expected, Double.parseDouble(m.group(1)), 1e-10 * expected, c.toString());
                cases++;
            }
        }
        assertEquals(36, cases);
    }
}
