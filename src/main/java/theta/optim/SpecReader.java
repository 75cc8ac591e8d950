package theta.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        String s = spec == null ? "" : spec.strip();
        int colon = s.indexOf(':');
        String name = (colon < 0 ? s : s.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(kind + " '" + s + "' has no name; allowed: " + String.join(", ", names));
        }
        if (!names.contains(name)) {
            throw new IllegalArgumentException(kind + " '" + name + "' is unknown; allowed: " + String.join(", ", names));
        }
        SpecReader r = new SpecReader(kind, name);
        if (colon >= 0) {
            for (String part : s.substring(colon + 1).split(",", -1)) {
                r.addOption(part.strip());
            }
        }
        return r;
    }

    private void addOption(String part) {
        int eq = part.indexOf('=');
        if (eq <= 0 || eq == part.length() - 1) {
            throw fail("'" + part + "' is not key=value");
        }
        String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        if (options.put(key, part.substring(eq + 1).strip()) != null) {
            throw fail(key + " is given twice");
        }
    }

    String name() {
        return name;
    }

    boolean has(String key) {
        return options.containsKey(key);
    }

    double number(String key, double dflt) {
        allowed.add(key + " (default " + format(dflt) + ")");
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

    /** A number as written in a spec: no trailing ".0" on whole numbers. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
