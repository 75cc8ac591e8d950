package theta.activation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import theta.math.Spec;

/**
 * The catalogue of built-in activations and the parser of activation specs.
 *
 * <p>A spec is {@code name} or {@code name:key=value,key=value}, e.g. {@code elu:alpha=0.5} or
 * {@code leaky_relu:slope=0.02}. Names ignore case, {@code -} and {@code _} ({@code LeakyReLU},
 * {@code leaky-relu} and {@code leaky_relu} are one name), and a few aliases are accepted
 * ({@link #aliases()}). Parameters left out take their defaults.
 */
public final class Activations {
    private static final List<Formula> FORMULAS = Stream.of(
                    Squash.values(), Rectifier.values(), SmoothRectifier.values(), Curve.values())
            .flatMap(Stream::of)
            .collect(Collectors.toUnmodifiableList());

    /** Plain decimal numbers, e.g. 0.5, -1, 1e-3 (no hexadecimal, no type suffixes, no NaN). */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final Map<String, String> ALIASES = aliasTable();
    private static final Map<String, Formula> BY_KEY = lookupTable();
    private static final List<Activation> BUILTINS = FORMULAS.stream()
            .map(f -> (Activation) new ParameterizedActivation(f, defaults(f)))
            .toList();

    private Activations() {}

    /**
     * The activation a spec names.
     *
     * @throws IllegalArgumentException with a one-line message naming the spec, what is wrong and
     *     what is allowed: an unknown name or parameter, a malformed {@code key=value}, a value
     *     that is not a finite number or is out of its range
     */
    public static Activation parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("activation: empty spec; allowed: " + allowedNames());
        }
        Spec parsed = Spec.parse(spec);
        String text = parsed.text();
        String name = parsed.name();
        Formula formula = BY_KEY.get(key(name));
        if (formula == null) {
            throw new IllegalArgumentException("activation '" + text + "': unknown name '" + name.trim()
                    + "'; allowed: " + allowedNames());
        }
        try {
            double[] values = defaults(formula);
            if (parsed.hasItems()) {
                readParameters(formula, parsed.items(), values);
            }
            return new ParameterizedActivation(formula, values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("activation '" + text + "': " + e.getMessage(), e);
        }
    }

    /** True for activations of this catalogue, whose derivatives are verified by theta's own tests. */
    public static boolean isBuiltin(Activation a) {
        return a instanceof ParameterizedActivation;
    }

    /** True for this catalogue's plain ReLU, max(x, 0) (native kernels fuse it with the layer above). */
    public static boolean isRelu(Activation a) {
        return a instanceof ParameterizedActivation p && p.formula() == Rectifier.RELU;
    }

    /**
     * Checks a user's activation before training with it: its derivative must agree with f
     * numerically. Throws IllegalArgumentException naming the offending points otherwise.
     */
    public static Activation requireVerified(Activation a) {
        if (!isBuiltin(a)) {
            Verification v = ActivationVerifier.verify(a);
            if (!v.ok()) {
                throw new IllegalArgumentException(v.summary());
            }
        }
        return a;
    }

    /** One activation of each built-in family with default parameters, in a stable order. */
    public static List<Activation> builtins() {
        return BUILTINS;
    }

    /** The names of {@link #builtins()}, in the same order. */
    public static List<String> names() {
        return FORMULAS.stream().map(Formula::specName).toList();
    }

    /** Accepted aliases and the names they stand for, e.g. {@code swish -> silu}. */
    public static Map<String, String> aliases() {
        return ALIASES;
    }

    private static void readParameters(Formula formula, List<Spec.Item> items, double[] values) {
        List<Param> params = formula.params();
        if (params.isEmpty()) {
            throw new IllegalArgumentException(formula.specName() + " takes no parameters");
        }
        boolean[] seen = new boolean[params.size()];
        for (Spec.Item item : items) {
            if (!item.isKeyValue()) {
                throw new IllegalArgumentException("expected key=value, got '" + item.text()
                        + "'; " + formula.specName() + " takes " + describe(params));
            }
            String key = item.key();
            int i = indexOf(params, key);
            if (i < 0) {
                throw new IllegalArgumentException("unknown parameter '" + key + "'; "
                        + formula.specName() + " takes " + describe(params));
            }
            if (seen[i]) {
                throw new IllegalArgumentException("parameter '" + key + "' given twice");
            }
            seen[i] = true;
            values[i] = number(params.get(i), item.value());
        }
    }

    private static double number(Param param, String text) {
        double v = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!param.bound().admits(v)) {
            throw new IllegalArgumentException(param.name() + "='" + text + "' is not allowed; "
                    + param.name() + " must be " + param.bound().description());
        }
        return v;
    }

    private static int indexOf(List<Param> params, String key) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(List<Param> params) {
        return params.stream()
                .map(p -> p.name() + " (default " + Spec.format(p.defaultValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String allowedNames() {
        String aliases = ALIASES.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return String.join(", ", names()) + " (aliases: " + aliases + ")";
    }

    private static double[] defaults(Formula formula) {
        return formula.params().stream().mapToDouble(Param::defaultValue).toArray();
    }

    /** Lower case without '-' and '_', so that spellings such as LeakyReLU and leaky-relu match. */
    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static Map<String, String> aliasTable() {
        Map<String, String> aliases = new LinkedHashMap<>();
        aliases.put("linear", "identity");
        aliases.put("logistic", "sigmoid");
        aliases.put("lrelu", "leaky_relu");
        aliases.put("swish", "silu");
        aliases.put("hard_silu", "hard_swish");
        aliases.put("gelu_erf", "gelu");
        aliases.put("elliot", "elliott");
        aliases.put("atan", "arctan");
        aliases.put("sin", "sine");
        aliases.put("exp", "exponential");
        return Collections.unmodifiableMap(aliases);
    }

    private static Map<String, Formula> lookupTable() {
        Map<String, Formula> table = new HashMap<>();
        List<String> spellings = new ArrayList<>();
        for (Formula formula : FORMULAS) {
            spellings.add(formula.specName());
            table.put(key(formula.specName()), formula);
        }
        ALIASES.forEach((alias, name) -> {
            spellings.add(alias);
            table.put(key(alias), table.get(key(name)));
        });
        if (table.size() != spellings.size() || table.containsValue(null)) {
            throw new IllegalStateException("activation names collide: " + spellings);
        }
        return Map.copyOf(table);
    }
}
