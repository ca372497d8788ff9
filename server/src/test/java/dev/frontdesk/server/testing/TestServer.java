package dev.frontdesk.server.testing;

import dev.frontdesk.server.FrontdeskServer;
import dev.frontdesk.server.config.ServerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A real Frontdesk listening on a free port with its own embedded database in a temporary directory.
 * Argon2 runs with small (still real) parameters so the suite stays fast; the benchmark uses the
 * defaults.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /**
     * Test accounts use passwords named after them ("alice" / "alice-password-1"), so the default
     * tenant of a test server allows that; PasswordPolicyTest checks the rule with it switched on.
     * Suites send many wrong passwords from 127.0.0.1 on purpose; the default tenant of a test server is
     * therefore lenient, and throttling tests set strict limits on a tenant of their own.
     */
    public static final java.util.Map<String, Object> LENIENT_THROTTLE = java.util.Map.of("freeFailures", 1000,
            "ipFreeFailures", 100_000, "maxFailuresPerAccountPerHour", 100_000);
    public static final java.util.Map<String, Object> TEST_DEFAULTS = java.util.Map.of("throttle", LENIENT_THROTTLE,
            "passwordPolicy", java.util.Map.of("rejectUsername", false));

    private final FrontdeskServer server;
    private final Path dataDir;
    private final AdminClient admin;

    private TestServer(FrontdeskServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.admin = new AdminClient(baseUrl(), ADMIN_PASSWORD);
    }

    public static TestServer start() {
        return start(Clock.systemUTC(), List.of());
    }

    public static TestServer start(Clock clock, List<String> trustedProxies) {
        try {
            Path dir = Files.createTempDirectory("frontdesk-test");
            TestServer server = new TestServer(FrontdeskServer.start(config(dir, trustedProxies), clock, silent()), dir);
            server.admin().patchSettings("default", TEST_DEFAULTS);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server with the administrator settings given (Basic for the bootstrap owner, second factor rule). */
    public static TestServer startWithAdminPolicy(boolean adminBasicAuth, String adminSecondFactor) {
        try {
            Path dir = Files.createTempDirectory("frontdesk-test");
            ServerConfig plain = config(dir, List.of());
            ServerConfig config = plain.toBuilder().adminBasicAuth(adminBasicAuth).adminSecondFactor(adminSecondFactor)
                    .build();
            TestServer server = new TestServer(FrontdeskServer.start(config, Clock.systemUTC(), silent()), dir);
            if (adminBasicAuth) {
                server.admin().patchSettings("default", TEST_DEFAULTS);
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server answering HTTPS only, with the key and certificate of a PKCS#12 keystore. */
    public static TestServer startTls(Path keystore, String password) {
        try {
            Path dir = Files.createTempDirectory("frontdesk-test");
            ServerConfig plain = config(dir, List.of());
            ServerConfig tls = plain.toBuilder().tlsKeystore(keystore.toString()).tlsKeystorePassword(password).build();
            return new TestServer(FrontdeskServer.start(tls, Clock.systemUTC(), silent()), dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server with the test defaults plus {@code overrides} (server config keys, as in the YAML file). */
    public static TestServer start(java.util.Map<String, Object> overrides) {
        try {
            Path dir = Files.createTempDirectory("frontdesk-test");
            java.util.Map<String, Object> keys = new java.util.HashMap<>(java.util.Map.of("host", "127.0.0.1", "port", 0,
                    "dataDir", dir.toString(), "adminPassword", ADMIN_PASSWORD, "argon2MemoryKiB", 4096,
                    "argon2Iterations", 1, "argon2Parallelism", 1, "sweepIntervalSeconds", 1, "accessLog", false,
                    "secretKeyFile", keyFile(dir)));
            keys.putAll(overrides);
            ServerConfig config = dev.frontdesk.server.config.ConfigLoader.load(null, java.util.Map.of(), keys);
            TestServer server = new TestServer(FrontdeskServer.start(config, Clock.systemUTC(), silent()), dir);
            server.admin().patchSettings("default", TEST_DEFAULTS);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ServerConfig config(Path dataDir, List<String> trustedProxies) {
        return configBuilder(dataDir).trustedProxies(trustedProxies).build();
    }

    /** The test defaults (loopback, any port, cheap Argon2, no access log, own key file), to change as needed. */
    public static ServerConfig.Builder configBuilder(Path dataDir) {
        return ServerConfig.builder().host("127.0.0.1").port(0).dataDir(dataDir.toString())
                .adminPassword(ADMIN_PASSWORD).argon2MemoryKiB(4096).argon2Iterations(1).argon2Parallelism(1)
                .sweepIntervalSeconds(1).accessLog(false).secretKeyFile(keyFile(dataDir));
    }

    /** The sealing key of a test server: beside its data directory, as in production, but its own. */
    public static String keyFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".key").toString();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public AdminClient admin() {
        return admin;
    }

    public FrontdeskServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.close();
    }

    private static PrintStream silent() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
