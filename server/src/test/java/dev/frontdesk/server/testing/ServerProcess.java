package dev.frontdesk.server.testing;

import dev.frontdesk.server.cli.FrontdeskCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Frontdesk in its own JVM, started like {@code bin/frontdesk serve}, on the test's class path. */
public record ServerProcess(Process process, int port) {
    private static final Pattern LISTENING = Pattern.compile("listening on https?://[^:]+:(\\d+)");

    /** Starts a server; {@code args} are extra {@code serve} flags such as {@code --db-url}. */
    public static ServerProcess start(Path dataDir, Map<String, String> environment, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                FrontdeskCommand.class.getName(), "serve", "--port", "0", "--host", "127.0.0.1",
                "--data-dir", dataDir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("FRONTDESK_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
        env.put("FRONTDESK_ARGON2_MEMORY_KI_B", "4096");
        env.put("FRONTDESK_ARGON2_ITERATIONS", "1");
        env.put("FRONTDESK_ACCESS_LOG", "false");
        env.put("FRONTDESK_SWEEP_INTERVAL_SECONDS", "1");
        env.putAll(environment);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                ServerProcess server = new ServerProcess(process, Integer.parseInt(m.group(1)));
                awaitStorage(server);
                patchTestDefaults(server);
                return server;
            }
        }
        throw new IllegalStateException("server did not start:\n" + seen);
    }

    public static ServerProcess start(Path dataDir) throws IOException {
        return start(dataDir, Map.of());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public AdminClient admin() {
        return new AdminClient(baseUrl(), TestServer.ADMIN_PASSWORD);
    }

    public NativeClient api() {
        return new NativeClient(baseUrl());
    }

    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * A node listens before its stores necessarily answer (Redis behind Sentinel is found by asking the
     * sentinels first): wait, boundedly, until it says it is ready.
     */
    private static void awaitStorage(ServerProcess server) {
        for (int i = 0; i < 150; i++) {
            if (Http.plain().get(server.baseUrl() + "/health/ready").statusCode() == 200) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The test defaults; a 503 while the node's storage connections come up is retried (bounded), as a client would. */
    private static void patchTestDefaults(ServerProcess server) {
        for (int attempt = 1; ; attempt++) {
            var response = server.admin().call("PATCH", "/tenants/default/settings", TestServer.TEST_DEFAULTS);
            if (response.statusCode() != 503 || attempt == 100) {
                if (response.statusCode() / 100 != 2) {
                    throw new AssertionError("PATCH test defaults -> " + response.statusCode() + " " + response.body());
                }
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
