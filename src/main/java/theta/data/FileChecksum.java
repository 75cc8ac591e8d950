package theta.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An expected SHA-256 for a file name, one line of a sha256sum file ("hex  name"). */
record FileChecksum(String sha256, String file) {
    FileChecksum {
        if (!sha256.matches("[0-9a-f]{64}") || file.isBlank()) {
            throw new IllegalArgumentException("bad checksum line: " + sha256 + "  " + file);
        }
    }

    String line() {
        return sha256 + "  " + file;
    }

    static List<FileChecksum> parse(String text) {
        List<FileChecksum> list = new ArrayList<>();
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty()) {
                String[] parts = s.split("\\s+\\*?", 2);
                list.add(new FileChecksum(parts[0], parts.length > 1 ? parts[1] : ""));
            }
        }
        return List.copyOf(list);
    }

    /** Reads a checksum file shipped with theta, next to this class. */
    static List<FileChecksum> resource(String name) {
        try (InputStream in = FileChecksum.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource theta/data/" + name + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
