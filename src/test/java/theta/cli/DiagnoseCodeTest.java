package theta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import theta.testing.Tools;

/**
 * theta diagnose --octave / --python / --octave-activation / --python-activation end to end: the
 * answers, and one line with exit 2 for each way running the user's code can fail.
 */
class DiagnoseCodeTest {
    private record Result(int code, String out, String err) {}

    private static String fixture(String sub) {
        try {
            return Path.of(DiagnoseCodeTest.class.getResource("/theta/diagnose/" + sub).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "diagnose";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static void oneLineError(Result r, String... parts) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "expected '" + p + "' in: " + r.err());
        }
    }

    @Test
    void octaveFunctionIsDiagnosedAndItsFailuresAreOneLine() {
        Tools.requireOctave();
        Result ok = run("--octave", fixture("octave/nnCostFunction.m"), "--activation", "tanh", "--output", "softmax",
                "--call", "[J grad] = nnCostFunction(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda, 'tanh', 'softmax');");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("both columns are right"), ok.out());

        Result bug = run("--octave", fixture("octave/nnCostPenaltySubtracted.m"), "--activation", "sigmoid", "--output", "softmax");
        assertEquals(1, bug.code(), bug.out() + bug.err());
        assertTrue(bug.out().contains("penalty-subtracted") && bug.out().contains("Fix:"), bug.out());

        oneLineError(run("--octave", fixture("octave/errors/nnCostNonconformant.m")),
                "error: operator *: nonconformant arguments", "nnCostNonconformant.m line 4");
        oneLineError(run("--octave", fixture("octave/errors/nnCostThetaOnly.m")), "grad is 5x4", "38");
        oneLineError(run("--octave", fixture("octave/errors/nnCostForever.m"), "--timeout", "1"),
                "did not finish within 1 s (--timeout)");
        oneLineError(run("--octave", fixture("octave/errors") + "/missing.m"), "missing.m: no such file");
        oneLineError(run("--octave", fixture("octave/nnCostFunction.m"), "--octave-bin", "/nonexistent/octave-cli"),
                "apt-get install octave", "--octave-bin");
    }

    @Test
    void pythonFunctionIsDiagnosedAndItsFailuresAreOneLine() {
        Tools.requirePython("numpy");
        Result ok = run("--python", fixture("python/net.py") + ":cost_function", "--activation", "sigmoid",
                "--output", "softmax", "--json");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(ok.out()).getAsJsonObject();
        assertEquals(1.149946, json.get("J").getAsDouble(), 1e-6, ok.out());
        assertTrue(json.get("source").getAsString().endsWith("net.py"), ok.out());
        assertTrue(json.has("diagnosis"), ok.out());
        Result bug = run("--python", fixture("python/net_grad_not_averaged.py"), "--activation", "relu", "--output", "sigmoid",
                "--lambda", "0", "--call", "cost_function(params, X, y, lam, 'relu', 'sigmoid')");
        assertEquals(1, bug.code(), bug.out() + bug.err());
        assertTrue(bug.out().contains("gradient-not-divided-by-m"), bug.out());

        String errors = fixture("python/errors.py");
        oneLineError(run("--python", errors + ":broadcast_error"), "ValueError", "errors.py line 7");
        oneLineError(run("--python", errors + ":theta1_only"), "grad is 5x4", "(38,)");
        oneLineError(run("--python", errors + ":one_value"), "returned one value, expected two");
        oneLineError(run("--python", errors + ":nope"), "no function 'nope'", "theta1_only");
        oneLineError(run("--python", errors + ":forever", "--timeout", "1"), "did not finish within 1 s");
        oneLineError(run("--python", fixture("python/net.py"), "--python-bin", "/nonexistent/python3"),
                "apt-get install python3-numpy", "--python-bin");
    }

    @Test
    void octaveActivationCodeIsAudited() {
        Tools.requireOctave();
        for (String a : List.of("tanh", "relu")) {
            Result r = run("--octave-activation", "activationGradient(z, '" + a + "')", "--octave-activation-fn",
                    "activation(z, '" + a + "')", "--octave-path", fixture("octave"), "--activation", a);
            assertEquals(0, r.code(), r.out() + r.err());
        }
        String bugs = fixture("octave/activation_bugs");
        assertAudit(run("--octave-activation", "activationGradient(z, 'tanh')", "--octave-path", bugs, "--activation", "tanh"),
                "it is (1-z.^2), tanh's derivative written in the output a = tanh(z)");
        assertAudit(run("--octave-activation", "activationGradient(z, 'softplus')", "--octave-activation-fn",
                "activation(z, 'softplus')", "--octave-path", bugs, "--activation", "softplus"),
                "derivative is softplus's for |z| <= 8 but overflows: NaN at z = 710");
        assertAudit(run("--octave-activation", "activationGradient(z, 'relu')", "--octave-path", bugs, "--activation", "relu"),
                "it is softplus's derivative");
        assertAudit(run("--octave-activation", "activationGradient(z, 'sigmoid')", "--octave-activation-fn",
                "activation(z, 'tanh')", "--octave-path", bugs, "--activation", "sigmoid"),
                "your activation is not sigmoid");
    }

    @Test
    void pythonActivationCodeIsAudited() {
        Tools.requirePython("numpy");
        Result ok = run("--python", fixture("python/activations.py"), "--python-activation", "activation_gradient(z, 'tanh')",
                "--python-activation-fn", "activation(z, 'tanh')", "--activation", "tanh");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        String bugs = fixture("python/activation_bugs.py");
        assertAudit(run("--python", bugs, "--python-activation", "activation_gradient(z, 'tanh')",
                "--python-activation-fn", "activation(z, 'tanh')", "--activation", "tanh"),
                "tanh's derivative written in the output", "your activation is tanh for |z| <= 8 but overflows");
    }

    private static void assertAudit(Result r, String... parts) {
        assertEquals(1, r.code(), r.out() + r.err());
        for (String p : parts) {
            assertTrue(r.out().contains(p), "expected '" + p + "' in:\n" + r.out());
        }
    }
}
