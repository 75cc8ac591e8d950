package theta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every public type, nested ones included, has a javadoc comment. The javadoc tool runs with
 * {@code -missing} (pom.xml: a member whose name says it all needs no comment), so it would not
 * notice a type without one; its other warnings fail the javadoc build itself.
 */
class PublicTypesDocumentedTest {
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^[ \\t]*public\\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                    + "(?:class|interface|enum|record|@interface)\\s+(\\w+)");

    @Test
    void everyPublicTypeHasAComment() throws IOException {
        List<String> bare = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String src = Files.readString(f);
                Matcher m = TYPE.matcher(src);
                while (m.find()) {
                    if (!documented(src.substring(0, m.start()))) {
                        bare.add(f + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), bare, "public types without a javadoc comment");
    }

    /** Whether {@code before} ends with a doc comment, annotations between it and the type skipped. */
    static boolean documented(String before) {
        String s = before.stripTrailing();
        while (true) {
            if (s.endsWith(")")) { // an annotation with arguments: skip to its '('
                int depth = 0;
                int i = s.length() - 1;
                for (; i >= 0; i--) {
                    char c = s.charAt(i);
                    depth += c == ')' ? 1 : c == '(' ? -1 : 0;
                    if (depth == 0) {
                        break;
                    }
                }
                s = s.substring(0, Math.max(i, 0)).stripTrailing();
            }
            int at = s.lastIndexOf('@');
            if (at >= 0 && s.substring(at + 1).matches("[\\w.]+")) {
                s = s.substring(0, at).stripTrailing();
                continue;
            }
            if (!s.endsWith("*/")) {
                return false;
            }
            int open = s.lastIndexOf("/*");
            return open >= 0 && s.startsWith("/**", open);
        }
    }
}
