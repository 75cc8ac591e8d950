package theta.nn;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Layer sizes: {@code inputs -> hidden[0] -> ... -> outputs}. One hidden layer is the usual case;
 * more are allowed. Validated on construction.
 */
public record Architecture(int inputs, int[] hidden, int outputs) {
    public Architecture {
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs must be >= 1, got " + inputs);
        }
        if (outputs < 2) {
            throw new IllegalArgumentException("outputs (classes) must be >= 2, got " + outputs);
        }
        if (hidden.length == 0) {
            throw new IllegalArgumentException("at least one hidden layer is needed");
        }
        hidden = hidden.clone();
        for (int h : hidden) {
            if (h < 1 || h > 1 << 16) {
                throw new IllegalArgumentException("hidden layer size must be in 1..65536, got " + h);
            }
        }
    }

    public Architecture(int inputs, int hidden, int outputs) {
        this(inputs, new int[] {hidden}, outputs);
    }

    /** Parses "800" or "512,256" as hidden sizes. */
    public static int[] parseHidden(String s) {
        try {
            int[] h = Arrays.stream(s.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            if (h.length == 0) {
                throw new NumberFormatException();
            }
            return h;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hidden layer sizes: expected numbers like 800 or 512,256, got '" + s + "'");
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** Number of weight layers (hidden layers + 1). */
    public int layers() {
        return hidden.length + 1;
    }

    /** Units of layer l, with 0 = inputs and {@link #layers()} = outputs. */
    public int units(int l) {
        if (l == 0) {
            return inputs;
        }
        return l <= hidden.length ? hidden[l - 1] : outputs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && a.inputs == inputs && a.outputs == outputs
                && Arrays.equals(a.hidden, hidden);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * inputs + outputs) + Arrays.hashCode(hidden);
    }

    /** e.g. 784-800-10. */
    @Override
    public String toString() {
        return inputs + "-" + Arrays.stream(hidden).mapToObj(Integer::toString).collect(Collectors.joining("-"))
                + "-" + outputs;
    }
}
