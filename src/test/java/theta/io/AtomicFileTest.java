package theta.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path f = dir.resolve("w.npz");
        Files.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(f, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        // The message names the target, never the temporary file the user did not name.
        assertEquals(f + ": cannot write it (disk full)", e.getMessage());
        assertEquals("old", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void replacesTheTargetWithTheWholeNewContents() throws IOException {
        Path f = dir.resolve("w.txt");
        Files.writeString(f, "old contents that are longer");
        AtomicFile.write(f, out -> out.write("new".getBytes()));
        assertEquals("new", Files.readString(f));
    }

    @Test
    void aMissingFolderIsReportedByName() {
        Path f = dir.resolve("no/such/w.npz");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> AtomicFile.write(f, out -> { }));
        assertEquals(f.getParent().toString(), e.getFile());
    }
}
