package dev.frontdesk.server;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.credential.Argon2Hasher;
import dev.frontdesk.core.credential.PasswordHasher;
import dev.frontdesk.core.support.IdGenerator;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.throttle.LoginThrottle;
import dev.frontdesk.server.admin.AdminAuth;
import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.http.ClientAddresses;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.ops.Telemetry;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.store.jdbc.JdbcAccountStore;
import dev.frontdesk.server.store.jdbc.JdbcAuditLog;
import dev.frontdesk.server.store.jdbc.JdbcClientStore;
import dev.frontdesk.server.store.jdbc.JdbcSessionStore;
import dev.frontdesk.server.store.jdbc.JdbcTenantStore;
import dev.frontdesk.server.store.jdbc.JdbcTokenStore;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Frontdesk: storage, core, HTTP listener and background sweeper, wired by hand. */
public final class FrontdeskServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrontdeskServer.class);

    private final Database database;
    private final Frontdesk core;
    private final WebServer webServer;
    private final ScheduledExecutorService sweeper;

    private FrontdeskServer(Database database, Frontdesk core, WebServer webServer, ScheduledExecutorService sweeper) {
        this.database = database;
        this.core = core;
        this.webServer = webServer;
        this.sweeper = sweeper;
    }

    public static FrontdeskServer start(ServerConfig config, Clock clock, PrintStream console) {
        Database database = openDatabase(config);
        Telemetry telemetry = new Telemetry();
        PasswordHasher hasher = telemetry.timing(new Argon2Hasher(config.argon2()));
        JdbcSessionStore sessionStore = new JdbcSessionStore(database);
        Frontdesk.Ports ports = new Frontdesk.Ports(
                new JdbcTenantStore(database.jdbi()),
                new JdbcAccountStore(database.jdbi()),
                sessionStore,
                new JdbcClientStore(database.jdbi()),
                new JdbcTokenStore(database.jdbi()),
                telemetry.counting(new JdbcAuditLog(database.jdbi())),
                hasher,
                LoginThrottle.NONE);
        Frontdesk core = Frontdesk.wire(ports, clock, Secrets.strong(), IdGenerator.randomUuids());
        telemetry.gauge("frontdesk.sessions.active", "Live sessions", sessionStore::size);

        AdminAuth adminAuth = AdminAuth.bootstrap(database.jdbi(), hasher, config.adminPassword(), password ->
                console.println("Generated admin password (shown once; set FRONTDESK_ADMIN_PASSWORD to choose one): "
                        + password));
        ClientAddresses addresses = new ClientAddresses(config.trustedProxyRanges());
        Requests requests = new Requests(core.tenants(), addresses, config.maxBodyBytes());
        Services services = new Services(config, core, requests, addresses, adminAuth, telemetry,
                () -> core.sessions().isHealthy(), database.jdbi());

        WebServer webServer = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .maxPayloadSize(config.maxBodyBytes())
                .shutdownGracePeriod(Duration.ofSeconds(5))
                .routing(routing -> Routes.register(routing, services))
                .build()
                .start();

        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("frontdesk-sweeper").daemon(true).factory());
        sweeper.scheduleWithFixedDelay(() -> sweep(core), config.sweepIntervalSeconds(),
                config.sweepIntervalSeconds(), TimeUnit.SECONDS);
        return new FrontdeskServer(database, core, webServer, sweeper);
    }

    private static Database openDatabase(ServerConfig config) {
        if (config.dbUrl() != null && !config.dbUrl().isBlank()) {
            return Database.connect(config.dbUrl(), config.dbUser(), config.dbPassword());
        }
        try {
            Files.createDirectories(config.dataPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.dataPath(), e);
        }
        return Database.embedded(config.dataPath());
    }

    private static void sweep(Frontdesk core) {
        try {
            int sessions = core.sessions().sweep();
            int tokens = core.clients().sweep();
            if (sessions + tokens > 0) {
                LOG.debug("swept {} sessions and {} tokens", sessions, tokens);
            }
        } catch (RuntimeException e) {
            LOG.warn("sweep failed: {}", e.toString());
        }
    }

    public int port() {
        return webServer.port();
    }

    public Frontdesk core() {
        return core;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        webServer.stop();
        database.close();
    }
}
