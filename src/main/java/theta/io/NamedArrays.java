package theta.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import theta.InputException;

/**
 * Named arrays in file order: the contents of one .npz, Octave text file or .npy. Immutable.
 *
 * <p>Lookups that fail name the file they came from, so a missing or misshapen weight matrix
 * reads "weights.npz: no array 'Theta1' (has: W1, b1)".
 */
public final class NamedArrays implements Iterable<NdArray> {
    private final String source;
    private final Map<String, NdArray> byName;
    /** Variables of the file that could not be read as arrays, with the reason: a lookup of one says why. */
    private final Map<String, String> unreadable;

    private NamedArrays(String source, Map<String, NdArray> byName, Map<String, String> unreadable) {
        this.source = source;
        this.byName = Collections.unmodifiableMap(byName);
        this.unreadable = Map.copyOf(unreadable);
    }

    private NamedArrays(String source, Map<String, NdArray> byName) {
        this(source, byName, Map.of());
    }

    /** Arrays built in code; names must be distinct. */
    public static NamedArrays of(NdArray... arrays) {
        return of(List.of(arrays));
    }

    /** Arrays built in code; names must be distinct. */
    public static NamedArrays of(List<NdArray> arrays) {
        Map<String, NdArray> map = new LinkedHashMap<>();
        for (NdArray a : arrays) {
            if (map.put(a.name(), a) != null) {
                throw new IllegalArgumentException("two arrays named '" + a.name() + "'");
            }
        }
        return new NamedArrays("", map);
    }

    /** Arrays read from {@code source}; a repeated name is a fault of the file. */
    static NamedArrays fromFile(String source, List<NdArray> arrays) {
        return fromFile(source, arrays, Map.of());
    }

    /**
     * Arrays read from {@code source}, which also held the variables in {@code unreadable} (name to
     * the one-line reason they are not arrays): looking one of them up throws that reason.
     */
    static NamedArrays fromFile(String source, List<NdArray> arrays, Map<String, String> unreadable) {
        Map<String, NdArray> map = new LinkedHashMap<>();
        for (NdArray a : arrays) {
            if (map.put(a.name(), a) != null) {
                throw new InputException(source + ": two arrays named '" + a.name() + "'");
            }
        }
        return new NamedArrays(source, map, unreadable);
    }

    /** The file these arrays were read from, or "" when built in code. */
    public String source() {
        return source;
    }

    /** These arrays plus {@code a}, which replaces an array of the same name in place. */
    public NamedArrays with(NdArray a) {
        Map<String, NdArray> map = new LinkedHashMap<>(byName);
        map.put(a.name(), a);
        return new NamedArrays(source, map, unreadable);
    }

    /** The array called {@code name}; InputException naming the file and the names it has if absent. */
    public NdArray get(String name) {
        NdArray a = byName.get(name);
        if (a == null && unreadable.containsKey(name)) {
            throw new InputException(unreadable.get(name));
        }
        if (a == null) {
            throw new InputException(label() + ": no array '" + name + "' (has: "
                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())) + ")");
        }
        return a;
    }

    /** The matrix called {@code name}, which must be rows x cols (a 1-D array counts as a column). */
    public NdArray matrix(String name, int rows, int cols) {
        NdArray a = get(name);
        if (a.rank() > 2 || a.rows() != rows || a.cols() != cols) {
            throw new InputException(label() + ": array '" + name + "' is " + a.shapeString()
                    + ", expected " + rows + "x" + cols);
        }
        return a;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The names in file order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The arrays in file order. */
    public List<NdArray> list() {
        return List.copyOf(byName.values());
    }

    public int size() {
        return byName.size();
    }

    @Override
    public Iterator<NdArray> iterator() {
        return byName.values().iterator();
    }

    /** Equal when both hold equal arrays in the same order; where they were read from does not count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NamedArrays n && new ArrayList<>(byName.values()).equals(new ArrayList<>(n.byName.values()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(new ArrayList<>(byName.values()));
    }

    @Override
    public String toString() {
        return "NamedArrays" + (source.isEmpty() ? "" : "(" + source + ")") + byName.values();
    }

    private String label() {
        return source.isEmpty() ? "arrays" : source;
    }
}
