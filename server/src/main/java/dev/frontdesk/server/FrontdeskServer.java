package dev.frontdesk.server;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.client.ClientApp;
import dev.frontdesk.core.client.ClientStore;
import dev.frontdesk.core.client.TokenStore;
import dev.frontdesk.core.session.SessionStore;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantStore;
import dev.frontdesk.core.throttle.ThrottleCounters;
import dev.frontdesk.core.support.NamedLocks;
import dev.frontdesk.server.store.redis.Redis;
import dev.frontdesk.server.store.redis.RedisLocks;
import dev.frontdesk.server.store.redis.RedisSessionStore;
import dev.frontdesk.server.store.redis.RedisThrottleCounters;
import dev.frontdesk.server.store.redis.RedisTokenStore;
import org.slf4j.bridge.SLF4JBridgeHandler;
import dev.frontdesk.core.credential.Argon2Hasher;
import dev.frontdesk.core.credential.PasswordHasher;
import dev.frontdesk.core.support.IdGenerator;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.credential.LegacyAwareHasher;
import dev.frontdesk.core.throttle.FailureThrottle;
import dev.frontdesk.core.throttle.InMemoryThrottleCounters;
import dev.frontdesk.server.admin.AdminAuth;
import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.egain.EgainDirectHandler;
import dev.frontdesk.server.http.ClientAddresses;
import dev.frontdesk.server.http.OversizedBodyFilter;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.TlsContexts;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import dev.frontdesk.server.ops.Telemetry;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.store.jdbc.JdbcAccountStore;
import dev.frontdesk.server.store.jdbc.JdbcAuditLog;
import dev.frontdesk.server.store.jdbc.JdbcClientStore;
import dev.frontdesk.server.store.jdbc.JdbcSessionStore;
import dev.frontdesk.server.store.jdbc.JdbcTenantStore;
import dev.frontdesk.server.store.jdbc.JdbcTokenStore;
import io.helidon.http.DirectHandler;
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

    private static final String TENANTS_CHANNEL = "fd:tenants:changed";
    private static final String CLIENTS_CHANNEL = "fd:clients:deleted";

    private final Database database;
    private final JdbcAuditLog auditLog;
    private final Redis redis;
    private final Frontdesk core;
    private final WebServer webServer;
    private final ScheduledExecutorService sweeper;

    private FrontdeskServer(Database database, JdbcAuditLog auditLog, Redis redis, Frontdesk core, WebServer webServer,
                            ScheduledExecutorService sweeper) {
        this.database = database;
        this.auditLog = auditLog;
        this.redis = redis;
        this.core = core;
        this.webServer = webServer;
        this.sweeper = sweeper;
    }

    public static FrontdeskServer start(ServerConfig config, Clock clock, PrintStream console) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Database database = openDatabase(config);
        Redis redis = config.redisUrl() == null || config.redisUrl().isBlank() ? null : Redis.connect(config.redisUrl());
        Telemetry telemetry = new Telemetry();
        PasswordHasher hasher = telemetry.timing(new LegacyAwareHasher(new Argon2Hasher(config.argon2())));
        TenantStore tenantStore = new JdbcTenantStore(database.jdbi());
        JdbcAuditLog auditLog = new JdbcAuditLog(database, config.dataPath());
        telemetry.gauge("frontdesk.audit.spool.events", "Audit events waiting on local disk for the database",
                auditLog::spooledEvents);
        SessionStore sessionStore;
        TokenStore tokenStore;
        ThrottleCounters counters;
        NamedLocks locks;
        if (redis != null) {
            locks = new RedisLocks(redis);
            sessionStore = new RedisSessionStore(redis, clock);
            tokenStore = new RedisTokenStore(redis);
            counters = new RedisThrottleCounters(redis);
            tenantStore = publishing(tenantStore, redis);
            redis.persistenceWarning().ifPresent(warning -> {
                LOG.warn(warning);
                telemetry.warn(warning);
            });
        } else {
            locks = NamedLocks.local();
            sessionStore = JdbcSessionStore.open(database);
            tokenStore = JdbcTokenStore.open(database);
            counters = new InMemoryThrottleCounters();
        }
        Frontdesk.Ports ports = new Frontdesk.Ports(
                tenantStore,
                new JdbcAccountStore(database.jdbi()),
                sessionStore,
                redis == null ? new JdbcClientStore(database.jdbi()) : publishing(new JdbcClientStore(database.jdbi()), redis),
                tokenStore,
                telemetry.counting(auditLog),
                hasher,
                new FailureThrottle(counters, clock),
                locks);
        Frontdesk core = Frontdesk.wire(ports, clock, Secrets.strong(), IdGenerator.timeOrdered(clock));
        if (redis != null) {
            redis.subscribe(TENANTS_CHANNEL, id -> core.tenants().reload());
            redis.subscribe(CLIENTS_CHANNEL, key -> {
                int slash = key.indexOf('/');
                core.clients().forget(key.substring(0, slash), key.substring(slash + 1));
            });
        }
        telemetry.gauge("frontdesk.sessions.active", "Live sessions", () -> core.sessions().liveCount());

        AdminAuth adminAuth = AdminAuth.bootstrap(database.jdbi(), hasher, config.adminPassword(), password ->
                console.println("Generated admin password (shown once; set FRONTDESK_ADMIN_PASSWORD to choose one): "
                        + password));
        ClientAddresses addresses = new ClientAddresses(config.trustedProxyRanges());
        Requests requests = new Requests(core.tenants(), addresses, config.maxBodyBytes());
        Services services = new Services(config, core, requests, addresses, adminAuth, telemetry,
                () -> database.isHealthy() && sessionStore.isHealthy(), database.jdbi());

        var builder = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .maxPayloadSize(OversizedBodyFilter.refusalLimit(config.maxBodyBytes()))
                // a body declared far too large is refused before routing; eGain paths answer it in their shape
                .directHandlers(handlers -> handlers.addHandler(DirectHandler.EventType.BAD_REQUEST,
                        new EgainDirectHandler(core.tenants(), config.maxBodyBytes(), DirectHandler.defaultHandler())))
                .shutdownGracePeriod(Duration.ofSeconds(5))
                .routing(routing -> Routes.register(routing, services));
        if (config.tlsKeystore() != null && !config.tlsKeystore().isBlank()) {
            SSLContext tls = TlsContexts.fromPkcs12(Path.of(config.tlsKeystore()), config.tlsKeystorePassword());
            builder.tls(t -> t.sslContext(tls));
        }
        WebServer webServer = builder.build().start();

        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("frontdesk-sweeper").daemon(true).factory());
        sweeper.scheduleWithFixedDelay(() -> sweep(core), config.sweepIntervalSeconds(),
                config.sweepIntervalSeconds(), TimeUnit.SECONDS);
        return new FrontdeskServer(database, auditLog, redis, core, webServer, sweeper);
    }

    /** Tells the other nodes to re-read tenants after a change. */
    private static TenantStore publishing(TenantStore store, Redis redis) {
        return new TenantStore() {
            @Override
            public java.util.Optional<Tenant> find(String id) {
                return store.find(id);
            }

            @Override
            public java.util.List<Tenant> findAll() {
                return store.findAll();
            }

            @Override
            public void save(Tenant tenant) {
                store.save(tenant);
                redis.publish(TENANTS_CHANNEL, tenant.id());
            }
        };
    }

    /** Tells the other nodes to forget a deleted client, which they may remember as verified. */
    private static ClientStore publishing(ClientStore store, Redis redis) {
        return new ClientStore() {
            @Override
            public java.util.Optional<ClientApp> find(String tenant, String clientId) {
                return store.find(tenant, clientId);
            }

            @Override
            public java.util.List<ClientApp> findAll(String tenant) {
                return store.findAll(tenant);
            }

            @Override
            public void insert(ClientApp client) {
                store.insert(client);
            }

            @Override
            public boolean delete(String tenant, String clientId) {
                boolean deleted = store.delete(tenant, clientId);
                redis.publish(CLIENTS_CHANNEL, tenant + "/" + clientId);
                return deleted;
            }
        };
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
            core.tenants().reload();
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
        if (redis != null) {
            redis.close();
        }
        database.groupCommit().close(); // queued audit events reach the database, or the spool
        auditLog.close();
        database.close();
    }
}
