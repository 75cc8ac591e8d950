package theta.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one reader of theta's spec strings, {@code name[:key=value[,key=value...]]}, such as
 * {@code elu:alpha=0.5}, {@code sgd:momentum=0.9,nesterov=true} or
 * {@code elastic:rotate=12,scale=0.9..1.1}, and the one writer of the numbers in them. It only
 * splits: which names, keys and values are allowed is up to each kind of spec (activation,
 * optimiser, schedule, augmentation), which also words its own errors.
 *
 * @param text the whole spec, stripped
 * @param name the text before the first {@code :}, stripped (case kept)
 * @param items the comma-separated items after the {@code :}, each stripped; empty without a {@code :}
 */
public record Spec(String text, String name, List<Item> items) {
    /**
     * One item of the list after the colon.
     *
     * @param text the item as written, stripped
     * @param key the text before the first {@code =}, stripped and in lower case; null when the
     *     item has no {@code =} or nothing before it
     * @param value the text after the first {@code =}, stripped; null when {@code key} is null
     */
    public record Item(String text, String key, String value) {
        /** True for {@code key=value} with a key (the value may be empty). */
        public boolean isKeyValue() {
            return key != null;
        }
    }

    /** Compact canonical constructor: copies the list. */
    public Spec {
        items = List.copyOf(items);
    }

    /** Splits a spec; null reads as the empty spec. Never throws. */
    public static Spec parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        int colon = s.indexOf(':');
        String name = (colon < 0 ? s : s.substring(0, colon)).strip();
        List<Item> items = new ArrayList<>();
        if (colon >= 0) {
            for (String part : s.substring(colon + 1).split(",", -1)) {
                String item = part.strip();
                int eq = item.indexOf('=');
                items.add(eq <= 0 ? new Item(item, null, null)
                        : new Item(item, item.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                                item.substring(eq + 1).strip()));
            }
        }
        return new Spec(s, name, items);
    }

    /** True when the spec has a {@code :} (an empty list after it counts). */
    public boolean hasItems() {
        return !items.isEmpty();
    }

    /**
     * A number as specs write it: the shortest text that reads back to the same double, whole
     * numbers without ".0" ({@code 1}, {@code 0.5}, {@code 1.0E-8}).
     */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
