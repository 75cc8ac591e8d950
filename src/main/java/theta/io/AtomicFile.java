package theta.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old contents or the complete new ones: the bytes go
 * to a temporary file in the same folder (same file system, so the rename is atomic), are forced
 * to disk, and the temporary file is then renamed over the target.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Produces the file's bytes. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes what {@code body} produces to {@code target} atomically; its folder must exist. */
    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "folder for " + target + " does not exist");
        }
        String random = Long.toHexString(ThreadLocalRandom.current().nextLong());
        Path tmp = dir.resolve("." + abs.getFileName() + "." + random + ".tmp");
        try {
            // CREATE_NEW without attributes: the usual permissions (umask), unlike Files.createTempFile.
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                body.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Name the user's file: the temporary file is theirs to know nothing about.
            FileSystemException named = new FileSystemException(target.toString(), null,
                    "cannot write it (" + InputFiles.reason(e) + ")");
            named.initCause(e);
            throw named;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Deletes the temporary files a killed {@link #write} left beside {@code target}
     * ({@code .NAME.HEX.tmp}); only this target's, so another program's files are never touched.
     * Returns how many were removed.
     */
    public static int removeStale(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        String prefix = "." + abs.getFileName() + ".";
        int removed = 0;
        try (var files = Files.newDirectoryStream(dir, f -> isTemporary(f.getFileName().toString(), prefix))) {
            for (Path f : files) {
                if (Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean isTemporary(String name, String prefix) {
        if (!name.startsWith(prefix) || !name.endsWith(".tmp")) {
            return false;
        }
        String random = name.substring(prefix.length(), name.length() - 4);
        return !random.isEmpty() && random.length() <= 16 && random.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
