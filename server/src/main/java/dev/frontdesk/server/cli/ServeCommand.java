package dev.frontdesk.server.cli;

import dev.frontdesk.server.FrontdeskServer;
import dev.frontdesk.server.config.ConfigLoader;
import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.ops.LogFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code frontdesk serve}: runs the server until SIGTERM/SIGINT, then shuts down gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the login server.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (default 8080; 0 = any free port)")
    Integer port;

    @Option(names = "--host", description = "address to listen on (default 0.0.0.0)")
    String host;

    @Option(names = "--data-dir", description = "directory of the embedded database (default ./data)")
    String dataDir;

    @Option(names = "--config", description = "YAML configuration file")
    Path config;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL database (default: embedded H2)")
    String dbUrl;

    @Option(names = "--redis-url", description = "redis:// URL for sessions, tokens and counters")
    String redisUrl;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("port", port);
        overrides.put("host", host);
        overrides.put("dataDir", dataDir);
        overrides.put("dbUrl", dbUrl);
        overrides.put("redisUrl", redisUrl);
        ServerConfig settings;
        try {
            settings = ConfigLoader.load(config, System.getenv(), overrides);
        } catch (IllegalArgumentException e) {
            System.err.println("frontdesk: " + e.getMessage());
            return 2;
        }
        LogFormat.apply(settings.logFormat());
        long start = System.nanoTime();
        FrontdeskServer server = FrontdeskServer.start(settings, Clock.systemUTC(), System.out);
        String storage = settings.dbUrl() == null ? "embedded H2 in " + settings.dataPath().toAbsolutePath().normalize()
                : settings.dbUrl().replaceAll("password=[^&;]*", "password=***");
        String scheme = settings.tlsKeystore() == null ? "http" : "https";
        System.out.printf("Frontdesk listening on " + scheme + "://%s:%d (data: %s) - ready in %d ms%n",
                settings.host(), server.port(), storage, (System.nanoTime() - start) / 1_000_000);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "frontdesk-shutdown"));
        stopped.await();
        return 0;
    }
}
