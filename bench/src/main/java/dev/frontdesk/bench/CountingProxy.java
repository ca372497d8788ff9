package dev.frontdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of Redis or PostgreSQL that counts what the servers behind it are asked:
 * {@link #writes()} counts the client's writes as they arrive (a read of the client side; a pipeline or a
 * script sent in one flush is one), which is the round-trip count when one operation runs at a time; for
 * PostgreSQL {@link #statements()} counts the frontend protocol's Execute and simple Query messages (the
 * statements run; connection checks included), which is what {@code pg_stat_statements} would show on a
 * cluster where it cannot be enabled. Bench-only; the harness points the nodes at it.
 */
final class CountingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final boolean postgres;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong statements = new AtomicLong();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    CountingProxy(int targetPort, boolean postgres) throws IOException {
        this.targetPort = targetPort;
        this.postgres = postgres;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("counting-proxy-" + targetPort).start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    long writes() {
        return writes.get();
    }

    long statements() {
        return statements.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                PgMessages counter = postgres ? new PgMessages() : null;
                Thread.ofVirtual().start(() -> pump(client, server, true, counter));
                Thread.ofVirtual().start(() -> pump(server, client, false, null));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean request, PgMessages counter) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (request) {
                    writes.incrementAndGet();
                    if (counter != null) {
                        statements.addAndGet(counter.feed(buffer, n));
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close the other
        } finally {
            close(from);
            close(to);
        }
    }

    /** Frontend messages: an untyped start-up message, then {@code type, int32 length, body}. */
    static final class PgMessages {
        private boolean started;
        private final byte[] header = new byte[5];
        private int headerFill;
        private long bodyLeft;

        long feed(byte[] b, int n) {
            long executed = 0;
            int i = 0;
            while (i < n) {
                if (bodyLeft > 0) {
                    int skip = (int) Math.min(bodyLeft, n - i);
                    bodyLeft -= skip;
                    i += skip;
                    continue;
                }
                int headerSize = started ? 5 : 4;
                header[headerFill++] = b[i++];
                if (headerFill < headerSize) {
                    continue;
                }
                int off = started ? 1 : 0;
                long length = ((header[off] & 0xffL) << 24) | ((header[off + 1] & 0xff) << 16)
                        | ((header[off + 2] & 0xff) << 8) | (header[off + 3] & 0xff);
                if (started && (header[0] == 'E' || header[0] == 'Q')) {
                    executed++;
                }
                if (!started) {
                    // SSLRequest / GSSENCRequest (length 8) are followed by another untyped message
                    started = length != 8;
                }
                bodyLeft = length - 4;
                headerFill = 0;
            }
            return executed;
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            close(s);
        }
    }
}
