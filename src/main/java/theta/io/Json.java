package theta.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.Strictness;

/**
 * The one place theta makes its Gson instances. Every one writes NaN and the infinities as the
 * bare words JSON readers such as Python's accept (a diverged loss or an empty class's score is
 * a value, not an error), and leaves characters such as {@code =} and {@code <} unescaped.
 */
public final class Json {
    /** Compact output, lenient reading. */
    public static final Gson COMPACT = builder().create();
    /** Indented output, for files and {@code --json} output people read. */
    public static final Gson PRETTY = builder().setPrettyPrinting().create();
    /** Strict reading, for requests from outside (the web API); it refuses to write NaN, so replies use COMPACT. */
    public static final Gson STRICT = builder().setStrictness(Strictness.STRICT).create();

    private Json() {}

    private static GsonBuilder builder() {
        return new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping();
    }
}
