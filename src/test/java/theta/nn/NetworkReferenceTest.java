package theta.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import theta.activation.Activation;
import theta.check.DebugProblem;
import theta.loss.Loss;

/** Cost and gradient of the debug network against NumPy (src/test/resources/reference/debug_network.py). */
class NetworkReferenceTest {
    private static final Map<String, Activation> ACTS = Map.of(
            "sigmoid", TestActivations.SIGMOID, "tanh", TestActivations.TANH, "softplus", TestActivations.SOFTPLUS);

    @Test
    void matchesNumpyToTwelveDigits() throws Exception {
        JsonArray cases;
        try (Reader r = new InputStreamReader(getClass().getResourceAsStream("/reference/debug_network.json"),
                StandardCharsets.UTF_8)) {
            cases = JsonParser.parseReader(r).getAsJsonArray();
        }
        assertEquals(18, cases.size());
        for (JsonElement e : cases) {
            JsonObject c = e.getAsJsonObject();
            String label = c.get("activation").getAsString() + "/" + c.get("output").getAsString() + " lambda="
                    + c.get("lambda").getAsDouble();
            Network net = DebugProblem.network(ACTS.get(c.get("activation").getAsString()),
                    Loss.parse(c.get("output").getAsString()));
            NetworkCost cost = DebugProblem.cost(net, c.get("lambda").getAsDouble());
            double[] grad = new double[net.layout().size()];
            double j = cost.value(DebugProblem.parameters(net), grad);
            double ref = c.get("cost").getAsDouble();
            assertEquals(ref, j, 1e-12 * Math.abs(ref), label + " cost");
            JsonArray g = c.getAsJsonArray("grad");
            assertEquals(g.size(), grad.length, label);
            double maxAbs = 0;
            for (JsonElement v : g) {
                maxAbs = Math.max(maxAbs, Math.abs(v.getAsDouble()));
            }
            for (int i = 0; i < grad.length; i++) {
                double r = g.get(i).getAsDouble();
                assertEquals(r, grad[i], 1e-12 * maxAbs, label + " grad[" + i + "]");
            }
            assertTrue(j > 0, label);
        }
    }
}
