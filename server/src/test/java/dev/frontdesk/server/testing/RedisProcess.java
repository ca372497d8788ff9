package dev.frontdesk.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of the test's own (on another port, by default with append-only persistence in a
 * temporary directory), so a test can stop and restart it without touching the shared one.
 */
public final class RedisProcess implements AutoCloseable {
    private final int port;
    private final Path dir;
    private final List<String> persistence;
    private Process process;

    /** With append-only persistence, fsync'd on every write. */
    public RedisProcess() throws IOException {
        this("--save", "", "--appendonly", "yes", "--appendfsync", "always");
    }

    /** With the given persistence flags, e.g. {@code "--save", "", "--appendonly", "no"}. */
    public RedisProcess(String... persistence) throws IOException {
        this.persistence = List.of(persistence);
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        }
        this.dir = Files.createTempDirectory("frontdesk-redis");
        start();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void start() throws IOException {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind",
                "127.0.0.1", "--dir", dir.toString()));
        command.addAll(persistence);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!BackingServices.answers(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not start on port " + port);
            }
            Thread.onSpinWait();
        }
    }

    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
