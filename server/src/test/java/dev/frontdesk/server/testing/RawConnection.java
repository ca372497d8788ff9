package dev.frontdesk.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One TCP connection to a server, for bytes no HTTP client would send: broken chunked framing, bare
 * LFs, oversized headers, requests trickled a byte at a time.
 */
public final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RawConnection(int port) throws IOException {
        this.socket = new Socket(InetAddress.getByName("127.0.0.1"), port);
        this.socket.setSoTimeout(60_000);
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** Sends text as ISO-8859-1 bytes (every char one byte). */
    public RawConnection send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Sends, then reads until the server closes the connection (or 60 s pass); what came back. */
    public String exchange(String request) throws IOException {
        send(request);
        return readToEnd();
    }

    /** Reads until the server closes the connection, or until a read times out. */
    public String readToEnd() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException | SocketTimeoutException e) {
            // a reset or a timeout ends what there is to read
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Trickles {@code text} a byte at a time with a pause after each; true when the server closed the
     * connection (or answered) before all of it was sent: a write fails, or the server's answer or
     * end-of-stream is seen.
     */
    public boolean trickleUntilClosed(String text, long pauseMillis) throws IOException, InterruptedException {
        socket.setSoTimeout(1);
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            try {
                out.write(b);
                out.flush();
            } catch (IOException e) {
                return true;
            }
            try {
                in.read();
                return true;
            } catch (SocketTimeoutException stillOpen) {
                // nothing from the server yet
            } catch (SocketException reset) {
                return true;
            }
            Thread.sleep(pauseMillis);
        }
        return false;
    }

    /** The status code of the first response in {@code raw}, or -1 when there is none. */
    public static int status(String raw) {
        if (!raw.startsWith("HTTP/1.1 ") || raw.length() < 12) {
            return -1;
        }
        return Integer.parseInt(raw.substring(9, 12));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
