package theta.data;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where downloaded datasets live: {@code $THETA_DATA} if set, else {@code $THETA_HOME/data}
 * (the launcher sets THETA_HOME to the checkout), else {@code ./data}.
 */
public final class DataRoot {
    private DataRoot() {}

    public static Path get() {
        return resolve(System::getenv);
    }

    static Path resolve(Function<String, String> env) {
        String data = env.apply("THETA_DATA");
        if (data != null && !data.isBlank()) {
            return Path.of(data);
        }
        String home = env.apply("THETA_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "data");
        }
        return Path.of("data");
    }
}
