package dev.frontdesk.server.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real nginx for a test: Debian's binary (installed by {@code bin/ensure-nginx}), run in the
 * foreground with a prefix directory of its own and the shipped {@code docs/gateway/nginx.conf} with
 * only its three addresses replaced, so the test proves the file users copy. Without nginx the test is
 * skipped with a note, unless {@code FRONTDESK_REQUIRE_SERVICES=true}, which makes it a failure.
 */
final class Nginx implements AutoCloseable {
    static final String FRONTDESK = "server 127.0.0.1:8080;";
    static final String UPSTREAM = "server 127.0.0.1:9000;";
    static final String LISTEN = "listen 127.0.0.1:8000;";

    private final Process process;
    private final Path prefix;
    private final int port;

    private Nginx(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    /** The nginx binary, or a skip (a failure when services are required). */
    static Path binary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        String note = "nginx is not installed (bin/ensure-nginx installs Debian's nginx-light): gateway test SKIPPED";
        if ("true".equalsIgnoreCase(System.getenv("FRONTDESK_REQUIRE_SERVICES"))) {
            Assertions.fail(note.replace("SKIPPED", "required by FRONTDESK_REQUIRE_SERVICES"));
        }
        Assumptions.abort(note);
        throw new IllegalStateException("unreachable");
    }

    /** The shipped configuration: docs/gateway/nginx.conf of this checkout. */
    static Path shippedConfig() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path conf = dir.resolve("docs/gateway/nginx.conf");
            if (Files.isRegularFile(conf)) {
                return conf;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/gateway/nginx.conf not found above " + Path.of("").toAbsolutePath());
    }

    /** Starts nginx on a free port in front of Frontdesk and the upstream. */
    static Nginx start(int frontdeskPort, int upstreamPort) {
        Path binary = binary();
        try {
            String template = Files.readString(shippedConfig(), StandardCharsets.UTF_8);
            Path prefix = Files.createTempDirectory("frontdesk-nginx");
            Files.createDirectories(prefix.resolve("logs"));
            Files.createDirectories(prefix.resolve("tmp"));
            int port = freePort();
            String conf = replaceOnce(replaceOnce(replaceOnce(template, FRONTDESK, "server 127.0.0.1:" + frontdeskPort + ";"),
                    UPSTREAM, "server 127.0.0.1:" + upstreamPort + ";"), LISTEN, "listen 127.0.0.1:" + port + ";");
            Path confFile = prefix.resolve("nginx.conf");
            Files.writeString(confFile, conf, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(binary.toString(), "-p", prefix + "/", "-c", confFile.toString(),
                    "-e", prefix.resolve("logs/error.log").toString(), "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
            Nginx nginx = new Nginx(process, prefix, port);
            nginx.awaitListening();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("docs/gateway/nginx.conf must contain \"" + from + "\" exactly once");
        }
        return text.replace(from, to);
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + port + ": " + log());
    }

    String log() {
        try {
            Path error = prefix.resolve("logs/error.log");
            Path out = prefix.resolve("logs/stdout.log");
            return (Files.exists(error) ? Files.readString(error) : "") + (Files.exists(out) ? Files.readString(out) : "");
        } catch (IOException e) {
            return e.toString();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        // SIGTERM: nginx's fast shutdown stops its workers; they are stopped here too should the master not
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
