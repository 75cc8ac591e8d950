package theta.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import theta.InputException;
import theta.io.ProcessGroup;

/**
 * A fetch's temporary folder and the download program working in it, both gone after
 * {@link #close()} or when the JVM is told to exit meanwhile (Ctrl-C, SIGTERM). The shutdown hook
 * is in place before the folder exists and the program starts, and both refuse to begin once it
 * ran, so an interrupt at any moment leaves neither a folder nor a process behind.
 */
final class FetchWork implements AutoCloseable {
    private final ProcessGroup program = new ProcessGroup();
    private final Thread hook = new Thread(this::cleanUp, "theta-fetch-cleanup");
    private Path folder;
    private boolean closed;

    private FetchWork() {}

    /** Registers the cleanup, then makes a {@code .mnist-fetch-*} folder under {@code root}. */
    static FetchWork open(Path root) throws IOException {
        FetchWork w = new FetchWork();
        try {
            Runtime.getRuntime().addShutdownHook(w.hook);
        } catch (IllegalStateException shuttingDown) {
            throw interrupted();
        }
        synchronized (w) {
            if (!w.closed) {
                w.folder = Files.createTempDirectory(root, ".mnist-fetch-");
            }
        }
        if (w.folder == null) {
            throw interrupted();
        }
        return w;
    }

    Path folder() {
        return folder;
    }

    /** Starts the program in its own process group; refuses once the fetch is being stopped. */
    Process start(ProcessBuilder pb) throws IOException {
        Process p = program.start(pb);
        if (p == null) {
            throw interrupted();
        }
        return p;
    }

    /** True once cleanup began (an interrupt, or the end of the fetch). */
    synchronized boolean closed() {
        return closed;
    }

    static InputException interrupted() {
        return new InputException("data fetch: interrupted; the partial download was deleted");
    }

    /** Ends the program and all it started, then deletes the folder; the first caller does the work. */
    private synchronized IOException cleanUp() {
        closed = true;
        program.stop();
        try {
            if (folder != null) {
                MnistFetcher.deleteTree(folder);
            }
            return null;
        } catch (IOException e) {
            return e;
        } catch (RuntimeException e) {
            return new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        IOException failed = cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running (or ran) and does the same cleanup
        }
        if (failed != null) {
            throw failed;
        }
    }
}
