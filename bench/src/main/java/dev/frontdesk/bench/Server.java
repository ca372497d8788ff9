package dev.frontdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server process under test: start, wait for readiness, read its resident memory, stop. */
final class Server implements AutoCloseable {
    private final String name;
    private final Process process;
    private final long startedNanos;
    private long readyNanos;

    private Server(String name, Process process, long startedNanos) {
        this.name = name;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    static Server start(String name, List<String> command, Map<String, String> env, Path dir, Path log)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        return new Server(name, pb.start(), t0);
    }

    /** Polls {@code http://127.0.0.1:port path} until 200; returns milliseconds since the process started. */
    double awaitReady(int port, String path, long timeoutSeconds) throws InterruptedException {
        long deadline = startedNanos + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before ready");
            }
            if (status(port, path) == 200) {
                readyNanos = System.nanoTime();
                return (readyNanos - startedNanos) / 1e6;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(name + " not ready within " + timeoutSeconds + " s");
    }

    /** Resident memory of the process and its descendants (a launcher script may sit above the JVM), MiB. */
    double rssMiB() {
        long kb = rssKb(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            kb += rssKb(child.pid());
        }
        return kb / 1024.0;
    }

    /** The JVM's pid (the process itself, or the java process below a launcher script). */
    long javaPid() {
        for (ProcessHandle child : process.descendants().toList()) {
            if (child.info().command().map(c -> c.endsWith("/java")).orElse(false)) {
                return child.pid();
            }
        }
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy(); // SIGTERM: graceful shutdown
        tree.forEach(ProcessHandle::destroy);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** HTTP status of a GET over a fresh loopback connection, or -1 when nothing answers. */
    static int status(int port, String path) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = new byte[12];
            int n = in.readNBytes(head, 0, 12);
            if (n < 12) {
                return -1;
            }
            return Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
