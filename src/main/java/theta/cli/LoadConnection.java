package theta.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/** One client connection and the state of the response it is reading. */
final class LoadConnection {
    static final int MORE = HttpResponseScan.MORE;
    static final int OK = HttpResponseScan.OK;
    private final InetSocketAddress address;
    private final ByteBuffer request;
    private final ByteBuffer in = ByteBuffer.allocate(16 << 10);
    private SocketChannel channel;
    private SelectionKey key;
    private final HttpResponseScan scan = new HttpResponseScan();
    /** When this request's latency counts from (System.nanoTime): sent, or due when paced. */
    volatile long start;
    /** Paced: a request is out on this connection (set by the pacer, cleared by the reader). */
    volatile boolean busy;
    int sent;
    boolean closeAfter;

    LoadConnection(int port, byte[] request) {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.request = ByteBuffer.wrap(request).asReadOnlyBuffer();
    }

    /** Connects (blocking: on loopback the kernel completes it at once), then switches to non-blocking. */
    void connect() throws IOException {
        channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(address);
        channel.configureBlocking(false);
        scan.reset();
        closeAfter = false;
    }

    void register(Selector selector) throws IOException {
        key = channel.register(selector, SelectionKey.OP_READ, this);
    }

    boolean reconnect(Selector selector) {
        try {
            connect();
            register(selector);
            return true;
        } catch (IOException e) {
            close();
            return false;
        }
    }

    /** Sends the request, connecting first if needed; false when that failed. */
    boolean send(Selector selector) {
        if (channel == null && !reconnect(selector)) {
            return false;
        }
        if (!write()) {
            close();
            return false;
        }
        return true;
    }

    /**
     * The whole request in one write; a request of a few KiB always fits an idle socket's
     * send buffer, so the loop only retries in the rare partial write.
     */
    boolean write() {
        ByteBuffer out = request.duplicate();
        try {
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    Thread.onSpinWait();
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads what has arrived: MORE until the response is complete, then OK (status 200) or FAILED. */
    int receive() {
        try {
            int n = channel.read(in);
            if (n < 0) {
                return HttpResponseScan.FAILED; // closed mid-response
            }
            int r = scan.feed(in);
            if (r != MORE) {
                closeAfter = scan.closes();
                scan.reset();
            }
            return r;
        } catch (IOException e) {
            return HttpResponseScan.FAILED;
        }
    }

    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
            channel = null;
            key = null;
        }
    }
}
