package theta.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalogue and the spec parser. */
class ActivationsTest {

    @Test
    void catalogueHasAtLeast38DistinctLowerCaseNames() {
        List<String> names = Activations.names();
        assertTrue(names.size() >= 38, "only " + names.size() + " activations: " + names);
        assertEquals(names.size(), new HashSet<>(names).size(), "duplicate names: " + names);
        assertEquals(names.size(), Activations.builtins().size());
        for (String name : names) {
            assertTrue(name.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), name);
        }
        for (String required : List.of("identity", "sigmoid", "tanh", "hard_sigmoid", "hard_tanh", "relu",
                "relu6", "leaky_relu", "prelu", "rrelu", "thresholded_relu", "elu", "celu", "selu", "gelu",
                "gelu_tanh", "silu", "hard_swish", "mish", "softplus", "softsign", "log_sigmoid", "tanhshrink",
                "softshrink", "hardshrink", "rational_tanh", "rectified_tanh", "cube", "sine", "gaussian",
                "arctan", "bent_identity", "isru", "isrlu", "sqnl", "exponential", "squareplus", "elliott",
                "lecun_tanh")) {
            assertTrue(names.contains(required), "missing " + required);
        }
    }

    @Test
    void builtinsAreInNameOrderAndStable() {
        List<Activation> builtins = Activations.builtins();
        for (int i = 0; i < builtins.size(); i++) {
            assertEquals(Activations.names().get(i), builtins.get(i).spec());
        }
        assertEquals(builtins, Activations.builtins());
        assertEquals(Activations.names(), Activations.names());
    }

    @Test
    void defaultSpecsRoundTrip() {
        for (Activation a : Activations.builtins()) {
            Activation parsed = Activations.parse(a.spec());
            assertEquals(a, parsed, a.spec());
            assertEquals(a.spec(), parsed.spec());
            assertEquals(a.spec(), a.toString());
        }
    }

    /** Every parameter of every family moved off its default, then printed and parsed back. */
    @Test
    void nonDefaultSpecsRoundTrip() {
        for (Activation a : Activations.builtins()) {
            Formula formula = ((ParameterizedActivation) a).formula();
            if (formula.params().isEmpty()) {
                continue;
            }
            StringJoiner spec = new StringJoiner(",", formula.specName() + ":", "");
            for (Param p : formula.params()) {
                double v = p.defaultValue() == 0 ? 0.5 : p.defaultValue() * 1.5;
                spec.add(p.name() + "=" + v);
            }
            Activation parsed = Activations.parse(spec.toString());
            assertNotEquals(a, parsed, spec.toString());
            assertEquals(parsed, Activations.parse(parsed.spec()), parsed.spec());
            assertEquals(parsed.spec(), Activations.parse(parsed.spec()).spec());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "elu:alpha=0.5, elu:alpha=0.5",
        "leaky_relu:slope=0.02, leaky_relu:slope=0.02",
        "elu:alpha=1, elu",
        "'  ELU : alpha = 2.5e-1 ', elu:alpha=0.25",
        "'hard_tanh:max=2,min=-3', 'hard_tanh:min=-3,max=2'",
        "swish, silu",
        "lrelu, leaky_relu",
        "LeakyReLU:slope=0.2, leaky_relu:slope=0.2",
        "hard-swish, hard_swish",
        "hardtanh, hard_tanh",
        "logsigmoid, log_sigmoid",
        "softplus:beta=2, softplus:beta=2",
        "prelu:a=-0.5, prelu:a=-0.5",
        "rrelu:lower=0.1, rrelu:lower=0.1",
        "thresholded_relu:theta=-0, thresholded_relu:theta=0",
    })
    void parsesNamesAliasesAndParameters(String spec, String expected) {
        assertEquals(expected, Activations.parse(spec).spec());
    }

    @Test
    void everyAliasNamesABuiltin() {
        assertFalse(Activations.aliases().isEmpty());
        Activations.aliases().forEach((alias, name) -> {
            assertTrue(Activations.names().contains(name), alias + " -> " + name);
            assertEquals(name, Activations.parse(alias).spec());
        });
        assertEquals("silu", Activations.aliases().get("swish"));
        assertEquals("leaky_relu", Activations.aliases().get("lrelu"));
    }

    @Test
    void parametersReachTheFormula() {
        assertEquals(0.5 * Math.expm1(-1), Activations.parse("elu:alpha=0.5").f(-1));
        assertEquals(-0.02, Activations.parse("leaky_relu:slope=0.02").f(-1));
        assertEquals(2, Activations.parse("hard_tanh:min=-3,max=2").f(5));
        assertEquals(-3, Activations.parse("hard_tanh:min=-3,max=2").f(-5));
        assertEquals(0, Activations.parse("thresholded_relu:theta=2").f(1.5));
        assertEquals(2.5, Activations.parse("thresholded_relu:theta=2").f(2.5));
    }

    @Test
    void unknownNameListsTheAllowedNames() {
        String message = error("foo");
        assertTrue(message.startsWith("activation 'foo': unknown name 'foo'; allowed: "), message);
        for (String name : Activations.names()) {
            assertTrue(message.contains(name), name + " missing from: " + message);
        }
        assertTrue(message.contains("swish=silu"), message);
    }

    @Test
    void unknownKeyListsTheParameters() {
        assertEquals("activation 'elu:beta=1': unknown parameter 'beta'; elu takes alpha (default 1)",
                error("elu:beta=1"));
        assertEquals("activation 'hard_tanh:lo=0': unknown parameter 'lo'; hard_tanh takes min (default -1),"
                + " max (default 1)", error("hard_tanh:lo=0"));
        assertEquals("activation 'relu:slope=1': relu takes no parameters", error("relu:slope=1"));
    }

    @Test
    void badValuesSayWhatIsAllowed() {
        assertEquals("activation 'elu:alpha=abc': alpha='abc' is not allowed; alpha must be a finite number",
                error("elu:alpha=abc"));
        assertEquals("activation 'celu:alpha=0': alpha='0' is not allowed; alpha must be a number > 0",
                error("celu:alpha=0"));
        assertEquals("activation 'hard_tanh:min=2': min must be < max", error("hard_tanh:min=2"));
        assertEquals("activation 'rrelu:lower=0.5,upper=0.2': lower must be <= upper",
                error("rrelu:lower=0.5,upper=0.2"));
        assertEquals("activation 'elu:alpha=1,alpha=2': parameter 'alpha' given twice",
                error("elu:alpha=1,alpha=2"));
        assertTrue(error("elu:alpha").contains("expected key=value"));
        assertTrue(error("elu:").contains("expected key=value"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "foo", "elu:beta=1", "elu:alpha=", "elu:alpha=NaN", "elu:alpha=Infinity",
        "elu:alpha=1e999", "elu:alpha=0x1p3", "elu:alpha=1d", "elu:alpha=1.2.3", "softplus:beta=-1",
        "softshrink:lambda=0", "isru:alpha=-1", "elu:alpha=1;beta=2", "relu:", ":alpha=1", "elu:=1"})
    void everyParseErrorIsOneLine(String spec) {
        String message = error(spec);
        assertFalse(message.isBlank());
        assertFalse(message.contains("\n") || message.contains("\r"), message);
        assertTrue(message.startsWith("activation"), message);
    }

    @Test
    void nullSpecIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Activations.parse(null));
    }

    @Test
    void onlyPlainReluIsRelu() {
        assertTrue(Activations.isRelu(Activations.parse("relu")));
        for (String other : List.of("relu6", "leaky_relu", "prelu", "rrelu", "elu", "softplus", "tanh")) {
            assertFalse(Activations.isRelu(Activations.parse(other)), other);
        }
        Activation relu = Activations.parse("relu");
        Activation lookalike = new Activation() {
            @Override
            public double f(double x) {
                return relu.f(x);
            }

            @Override
            public double df(double x, double y) {
                return relu.df(x, y);
            }

            @Override
            public String spec() {
                return "relu";
            }
        };
        assertFalse(Activations.isRelu(lookalike), "a user's activation named relu is not the native kernels' relu");
    }

    private static String error(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> Activations.parse(spec), spec).getMessage();
    }
}
