package theta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layering of README's Design section, checked on what the compiler produced: every class
 * file under {@code target/classes/theta} names in its constant pool each class it uses (imports,
 * fully qualified names, method owners, descriptors), so a dependency cannot hide from this test.
 * And the rules for library code (everything below {@code cli}), checked on the sources.
 */
class ArchitectureTest {
    /**
     * Lowest first. A package may use the root package ({@code theta.InputException}, ...) and the
     * packages of lower layers; not its own layer's other packages, not higher ones.
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("math"),
            List.of("activation", "loss", "optim"),
            List.of("nn"),
            List.of("io"),
            List.of("data"),
            List.of("check", "eval", "train"),
            List.of("diagnose", "plot", "api", "web"),
            List.of("cli"));

    private static final Path CLASSES = Path.of("target", "classes", "theta");
    private static final Path SOURCES = Path.of("src", "main", "java", "theta");
    private static final Pattern USE = Pattern.compile("theta/([a-z]+)/");

    @Test
    void packagesUseOnlyLowerLayers() throws IOException {
        Map<String, Set<String>> uses = packageUses();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : uses.entrySet()) {
            int from = layer(e.getKey());
            for (String to : e.getValue()) {
                if (!to.equals(e.getKey()) && layer(to) >= from) {
                    wrong.add(e.getKey() + " -> " + to);
                }
            }
        }
        assertEquals(List.of(), wrong, "uses of a package in the same or a higher layer; layers, lowest first: " + LAYERS);
    }

    @Test
    void trainDoesNotUseEval() throws IOException {
        Set<String> train = packageUses().get("train");
        assertTrue(train.contains("nn") && !train.contains("eval"), "train uses " + train);
    }

    /** Nothing below cli prints, exits or changes JVM-wide state (cli.Main, the process's owner, may). */
    @Test
    void libraryCodeIsSilentAndLeavesTheJvmAlone() throws IOException {
        Pattern forbidden = Pattern.compile("System\\s*\\.\\s*(out|err|exit|setOut|setErr|setIn|setProperty|clearProperty"
                + "|setProperties)\\b|Runtime\\s*\\.\\s*getRuntime\\(\\)\\s*\\.\\s*(exit|halt)\\b|printStackTrace"
                + "|Locale\\s*\\.\\s*setDefault|TimeZone\\s*\\.\\s*setDefault|setDefaultUncaughtExceptionHandler"
                + "|ImageIO\\s*\\.\\s*setUseCache|Authenticator\\s*\\.\\s*setDefault|CookieHandler\\s*\\.\\s*setDefault"
                + "|Security\\s*\\.\\s*(addProvider|setProperty)|\\bThreads\\s*\\.\\s*set\\(");
        List<String> found = new ArrayList<>();
        List<String> unpairedHooks = new ArrayList<>();
        for (Path file : javaFiles()) {
            String rel = SOURCES.relativize(file).toString().replace('\\', '/');
            String code = code(Files.readString(file));
            boolean cli = rel.startsWith("cli/");
            Matcher m = forbidden.matcher(code);
            while (m.find()) {
                boolean mainMayDoIt = rel.equals("cli/Main.java");
                boolean cliMayPrint = cli && m.group().matches("System\\s*\\.\\s*(out|err)");
                if (!mainMayDoIt && !cliMayPrint) {
                    found.add(rel + ": " + m.group());
                }
            }
            // A shutdown hook added by a command or the library is taken back when the work ends.
            if (code.contains("addShutdownHook") && !code.contains("removeShutdownHook")) {
                unpairedHooks.add(rel);
            }
        }
        assertEquals(List.of(), found, "printing, exiting or JVM-wide changes outside the CLI's entry point");
        assertEquals(List.of(), unpairedHooks, "shutdown hooks never removed");
    }

    /** Every package of the tree has a layer, and the layer list names no package that is gone. */
    @Test
    void everyPackageHasALayer() throws IOException {
        Set<String> present = new TreeSet<>(packageUses().keySet());
        Set<String> listed = new TreeSet<>();
        LAYERS.forEach(listed::addAll);
        assertEquals(listed, present);
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        throw new AssertionError("package theta." + pkg + " has no layer in ArchitectureTest.LAYERS");
    }

    /** Top-level package (theta.X, subpackages included) -> the top-level packages its classes use. */
    static Map<String, Set<String>> packageUses() throws IOException {
        assertTrue(Files.isDirectory(CLASSES), CLASSES + " is missing: run through Maven");
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                Path rel = CLASSES.relativize(f);
                if (rel.getNameCount() < 2) {
                    continue; // the root package: InputException, Limits, Version
                }
                Set<String> to = uses.computeIfAbsent(rel.getName(0).toString(), k -> new TreeSet<>());
                try (InputStream in = Files.newInputStream(f)) {
                    for (String s : constantStrings(in)) {
                        Matcher m = USE.matcher(s);
                        while (m.find()) {
                            to.add(m.group(1));
                        }
                    }
                }
            }
        }
        return uses;
    }

    /** The UTF-8 entries of a class file's constant pool (class names, descriptors, names, literals). */
    static List<String> constantStrings(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> out = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> out.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // longs and doubles take two slots
                }
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
        return out;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The source without comments, string and character literals (a message may say "System.exit"). */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int n = source.length();
        for (int i = 0; i < n; i++) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 2;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j;
                out.append(c).append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
