package dev.frontdesk.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A Redis primary, one replica and three Sentinels of the test's own (Debian's {@code redis-server} and
 * {@code redis-sentinel}, each on its own port, in a temporary directory), so a test can kill the
 * primary and watch the Sentinels fail over. Skipped with a note where {@code redis-sentinel} is not
 * installed (see {@code bin/ensure-redis-sentinel}), unless {@code FRONTDESK_REQUIRE_SERVICES=true}.
 */
public final class SentinelGroup implements AutoCloseable {
    public static final String PRIMARY_NAME = "frontdesk";
    private static final Path SENTINEL = Path.of("/usr/bin/redis-sentinel");

    private final Path dir;
    private final int primaryPort;
    private final int replicaPort;
    private final List<Integer> sentinelPorts = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private Process primary;

    public SentinelGroup() throws IOException {
        requireSentinel();
        dir = Files.createTempDirectory("frontdesk-sentinel");
        primaryPort = freePort();
        replicaPort = freePort();
        primary = redis("primary", primaryPort);
        processes.add(redis("replica", replicaPort, "--replicaof", "127.0.0.1", String.valueOf(primaryPort)));
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            sentinelPorts.add(port);
            Path conf = dir.resolve("sentinel-" + i + ".conf");
            Files.writeString(conf, String.join("\n",
                    "port " + port,
                    "bind 127.0.0.1",
                    "dir " + dir,
                    "sentinel monitor " + PRIMARY_NAME + " 127.0.0.1 " + primaryPort + " 2",
                    "sentinel down-after-milliseconds " + PRIMARY_NAME + " 1000",
                    "sentinel failover-timeout " + PRIMARY_NAME + " 10000",
                    "sentinel parallel-syncs " + PRIMARY_NAME + " 1", ""));
            processes.add(start(List.of(SENTINEL.toString(), conf.toString()), "sentinel-" + i, port));
        }
    }

    /** Lettuce's Sentinel URI: {@code redis-sentinel://h:p,h:p,h:p/0#name}. */
    public String url() {
        StringBuilder url = new StringBuilder("redis-sentinel://");
        for (int i = 0; i < sentinelPorts.size(); i++) {
            url.append(i == 0 ? "" : ",").append("127.0.0.1:").append(sentinelPorts.get(i));
        }
        return url.append("/0#").append(PRIMARY_NAME).toString();
    }

    public int primaryPort() {
        return primaryPort;
    }

    public int replicaPort() {
        return replicaPort;
    }

    /** {@code kill -9} of the primary: what it had not yet sent to the replica is lost. */
    public void killPrimary() throws InterruptedException {
        primary.destroyForcibly();
        primary.waitFor(10, TimeUnit.SECONDS);
    }

    private Process redis(String name, int port, String... extra) throws IOException {
        Path data = Files.createDirectories(dir.resolve(name));
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind",
                "127.0.0.1", "--dir", data.toString(), "--save", "", "--appendonly", "yes", "--appendfsync", "everysec"));
        command.addAll(List.of(extra));
        return start(command, name, port);
    }

    private Process start(List<String> command, String name, int port) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!BackingServices.answers(port)) {
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not start on port " + port);
            }
            Thread.onSpinWait();
        }
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static void requireSentinel() {
        if (Files.isExecutable(SENTINEL)) {
            return;
        }
        String message = SENTINEL + " is missing (bin/ensure-redis-sentinel installs it): skipping the Sentinel test";
        if ("true".equalsIgnoreCase(System.getenv("FRONTDESK_REQUIRE_SERVICES"))) {
            Assertions.fail(message + " and FRONTDESK_REQUIRE_SERVICES=true");
        }
        System.out.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    @Override
    public void close() throws InterruptedException {
        List<Process> all = new ArrayList<>(processes);
        all.add(primary);
        for (Process process : all) {
            process.destroyForcibly();
        }
        for (Process process : all) {
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
