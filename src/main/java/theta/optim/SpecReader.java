package theta.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import theta.math.Spec;

/**
 * Reads a command-line spec {@code name[:key=value[,key=value...]]}, e.g. {@code sgd:momentum=0.9}.
 *
 * <p>Each typed getter records the key and its default, so that {@link #finish()} can reject
 * unknown keys with a message that lists every allowed one. Errors are one-line
 * {@link IllegalArgumentException}s that start with the kind and name ("optimizer sgd: ...").
 */
final class SpecReader {
    private final String kind;
    private final String name;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> allowed = new ArrayList<>();

    private SpecReader(String kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    /** Splits {@code spec}; {@code names} are the allowed names, used in the error for an unknown one. */
    static SpecReader read(String kind, String spec, List<String> names) {
        return read(kind, Spec.parse(spec), names, String.join(", ", names));
    }

    /** As {@link #read(String, String, List)}, with {@code allowedNames} in the error for an unknown name. */
    static SpecReader read(String kind, Spec spec, List<String> names, String allowedNames) {
        String name = spec.name().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(kind + " '" + spec.text() + "' has no name; allowed: " + allowedNames);
        }
        if (!names.contains(name)) {
            throw new IllegalArgumentException(kind + " '" + name + "' is unknown; allowed: " + allowedNames);
        }
        SpecReader r = new SpecReader(kind, name);
        for (Spec.Item item : spec.items()) {
            r.addOption(item);
        }
        return r;
    }

    private void addOption(Spec.Item item) {
        if (!item.isKeyValue() || item.value().isEmpty()) {
            throw fail("'" + item.text() + "' is not key=value");
        }
        if (options.put(item.key(), item.value()) != null) {
            throw fail(item.key() + " is given twice");
        }
    }

    String name() {
        return name;
    }

    boolean has(String key) {
        return options.containsKey(key);
    }

    double number(String key, double dflt) {
        allowed.add(key + " (default " + Spec.format(dflt) + ")");
        String v = options.remove(key);
        if (v == null) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw fail(key + " '" + v + "' is not a finite number");
    }

    int whole(String key, int dflt) {
        double d = number(key, dflt);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw fail(key + " '" + Spec.format(d) + "' is not a whole number");
        }
        return (int) d;
    }

    boolean bool(String key, boolean dflt) {
        allowed.add(key + " (default " + dflt + ")");
        String v = options.remove(key);
        if (v == null) {
            return dflt;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw fail(key + " '" + v + "' is not true or false");
        };
    }

    /** Takes the raw value of {@code key} (null when absent); the caller lists it with {@link #allow}. */
    String raw(String key) {
        return options.remove(key);
    }

    /** Adds an entry to the list of allowed options shown in error messages. */
    void allow(String text) {
        allowed.add(text);
    }

    /** Rejects keys that no getter asked for. */
    void finish() {
        if (!options.isEmpty()) {
            String key = options.keySet().iterator().next();
            throw fail("unknown option '" + key + "'; allowed: "
                    + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
        }
    }

    IllegalArgumentException fail(String what) {
        return new IllegalArgumentException(kind + " " + name + ": " + what);
    }
}
