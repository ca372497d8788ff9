package dev.frontdesk.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder a test can cut and restore, to make a backend "go away" without touching it, or
 * freeze and thaw: a frozen proxy keeps every connection open and accepts new ones but holds the bytes
 * (no reset, no FIN), like a host that hangs or a network that drops packets silently.
 */
public final class TcpProxy implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private final Object thawed = new Object();
    private volatile boolean frozen;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = server.getLocalPort();
        accept(server);
    }

    public int port() {
        return port;
    }

    /** Closes the listener and every connection: clients now get "connection refused". */
    public synchronized void cut() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    /** Holds every byte in both directions until {@link #thaw}; nothing is closed. */
    public void freeze() {
        frozen = true;
    }

    /** Lets the held bytes (and the later ones) through again. */
    public void thaw() {
        synchronized (thawed) {
            frozen = false;
            thawed.notifyAll();
        }
    }

    public synchronized void restore() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        accept(socket);
    }

    private void accept(ServerSocket listener) {
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    connect(listener, client);
                } catch (IOException e) {
                    // listener closed or backend refused: the client sees its connection end
                }
            }
        });
    }

    /** Under the lock {@link #cut} takes: a connection accepted just before a cut must not outlive it. */
    private synchronized void connect(ServerSocket listener, Socket client) throws IOException {
        if (listener.isClosed()) {
            client.close();
            return;
        }
        Socket backend = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(backend);
        pipe(client.getInputStream(), backend.getOutputStream(), client, backend);
        pipe(backend.getInputStream(), client.getOutputStream(), client, backend);
    }

    private void pipe(InputStream in, OutputStream out, Socket a, Socket b) {
        Thread.ofVirtual().start(() -> {
            try (a; b) {
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    awaitThaw();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // connection cut
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void awaitThaw() throws InterruptedException {
        synchronized (thawed) {
            while (frozen) {
                thawed.wait();
            }
        }
    }

    @Override
    public void close() throws IOException {
        thaw();
        cut();
    }
}
