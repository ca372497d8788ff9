package dev.frontdesk.server;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.client.ClientApp;
import dev.frontdesk.core.client.ClientStore;
import dev.frontdesk.core.client.TokenStore;
import dev.frontdesk.core.gateway.AccountRights;
import dev.frontdesk.core.gateway.GatewayRule;
import dev.frontdesk.server.egain.EgainGatewayCredential;
import dev.frontdesk.server.gateway.ForwardAuth;
import dev.frontdesk.server.genesys.SrsGatewayCredential;
import dev.frontdesk.server.iservice.IServiceGatewayCredential;
import dev.frontdesk.server.nativeapi.NativeGatewayCredential;
import dev.frontdesk.server.oauth.OAuthGatewayCredential;
import java.util.List;
import dev.frontdesk.core.gateway.GatewayRuleStore;
import dev.frontdesk.core.session.SessionStore;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantStore;
import dev.frontdesk.core.throttle.ThrottleCounters;
import dev.frontdesk.server.store.redis.Redis;
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
import dev.frontdesk.core.account.AgentProvisioning;
import dev.frontdesk.core.admin.Administrators;
import dev.frontdesk.core.openid.OpenIdLinks;
import dev.frontdesk.core.reset.PasswordResets;
import dev.frontdesk.server.admin.AdminApi;
import dev.frontdesk.server.console.ConsoleService;
import dev.frontdesk.server.egain.EgainDialect;
import dev.frontdesk.server.genesys.SrsDialect;
import dev.frontdesk.server.http.ErrorFrame;
import dev.frontdesk.server.http.OriginPolicy;
import dev.frontdesk.server.http.SessionCookies;
import dev.frontdesk.server.iservice.IServiceDialect;
import dev.frontdesk.server.nativeapi.NativeApi;
import dev.frontdesk.server.oauth.OAuthService;
import dev.frontdesk.server.ops.AccessLogFilter;
import dev.frontdesk.server.ops.HealthService;
import dev.frontdesk.server.ops.HttpMetricsFilter;
import dev.frontdesk.server.store.jdbc.JdbcOpenIdLinkStore;
import dev.frontdesk.server.store.jdbc.JdbcResetCodeStore;
import dev.frontdesk.server.store.jdbc.JdbcServerSecretStore;
import dev.frontdesk.server.store.jdbc.JdbcAdministratorStore;
import dev.frontdesk.server.store.webauthn.WebAuthn4jPasskeys;
import dev.frontdesk.server.store.jdbc.JdbcAdminClientStore;
import dev.frontdesk.server.store.jdbc.JdbcAccountTotpStore;
import dev.frontdesk.core.login.SecondStepLogins;
import dev.frontdesk.core.admin.AdminClients;
import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.egain.EgainDirectHandler;
import dev.frontdesk.server.http.ClientAddresses;
import dev.frontdesk.server.http.DatedDirectHandler;
import dev.frontdesk.server.http.EdgeDirectHandler;
import dev.frontdesk.server.http.HeaderLimits;
import dev.frontdesk.server.http.ReadDeadlines;
import dev.frontdesk.server.http.OversizedBodyFilter;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.TlsContexts;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import dev.frontdesk.server.ops.Telemetry;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.store.secrets.SecretKeyFile;
import dev.frontdesk.server.store.jdbc.JdbcAccountStore;
import dev.frontdesk.server.store.jdbc.JdbcAuditLog;
import dev.frontdesk.server.store.jdbc.JdbcClientStore;
import dev.frontdesk.server.store.jdbc.JdbcGatewayRuleStore;
import dev.frontdesk.server.store.jdbc.JdbcSessionStore;
import dev.frontdesk.server.store.jdbc.JdbcTenantStore;
import dev.frontdesk.server.store.jdbc.JdbcTokenStore;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Frontdesk: storage, core, HTTP listener and background sweeper, wired by hand. */
public final class FrontdeskServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrontdeskServer.class);

    private static final String TENANTS_CHANNEL = "fd:tenants:changed";
    private static final String CLIENTS_CHANNEL = "fd:clients:deleted";
    private static final String GATEWAY_CHANNEL = "fd:gateway:changed";
    /** How long the gateway remembers an account's access rights (see {@link AccountRights}). */
    private static final Duration ACCESS_RIGHTS_FRESH_FOR = Duration.ofSeconds(5);

    private final Database database;
    private final JdbcAuditLog auditLog;
    private final Redis redis;
    private final Frontdesk core;
    private final WebServer webServer;
    private final ScheduledExecutorService sweeper;
    private final ReadDeadlines deadlines;

    private FrontdeskServer(Database database, JdbcAuditLog auditLog, Redis redis, Frontdesk core, WebServer webServer,
                            ScheduledExecutorService sweeper, ReadDeadlines deadlines) {
        this.deadlines = deadlines;
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
        JdbcTenantStore jdbcTenants = new JdbcTenantStore(database.jdbi(),
                SecretKeyFile.sealer(config.secretKey(), config.secretKeyPath()));
        int resealed = jdbcTenants.resealAll();
        if (resealed > 0) {
            LOG.info("sealed the stored secrets of {} tenant(s)", resealed);
        }
        TenantStore tenantStore = jdbcTenants;
        JdbcAuditLog auditLog = new JdbcAuditLog(database, config.dataPath());
        telemetry.gauge("frontdesk.audit.spool.events", "Audit events waiting on local disk for the database",
                auditLog::spooledEvents);
        SessionStore sessionStore;
        TokenStore tokenStore;
        ThrottleCounters counters;
        // a restart serves at once: stored sessions, then tokens, load on one thread once the server listens
        CompletableFuture<Void> listening = new CompletableFuture<>();
        ExecutorService restorer = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("frontdesk-restore").daemon(true).factory());
        Executor afterListening = task -> listening.thenRunAsync(task, restorer);
        if (redis != null) {
            sessionStore = new RedisSessionStore(redis, clock);
            tokenStore = new RedisTokenStore(redis);
            counters = new RedisThrottleCounters(redis);
            tenantStore = publishing(tenantStore, redis);
            redis.persistenceWarning().ifPresent(warning -> {
                LOG.warn(warning);
                telemetry.warn(warning);
            });
        } else {
            sessionStore = JdbcSessionStore.open(database, afterListening);
            tokenStore = JdbcTokenStore.open(database, afterListening);
            counters = new InMemoryThrottleCounters();
        }
        JdbcAccountStore accountStore = new JdbcAccountStore(database.jdbi());
        accountStore.backfillSkeletons();
        Frontdesk.Ports ports = new Frontdesk.Ports(
                tenantStore,
                accountStore,
                sessionStore,
                redis == null ? new JdbcClientStore(database.jdbi()) : publishing(new JdbcClientStore(database.jdbi()), redis),
                tokenStore,
                telemetry.counting(auditLog),
                hasher,
                new FailureThrottle(counters, clock),
                redis == null ? new JdbcGatewayRuleStore(database.jdbi())
                        : publishing(new JdbcGatewayRuleStore(database.jdbi()), redis));
        Frontdesk core = Frontdesk.wire(ports, clock, Secrets.strong(), IdGenerator.timeOrdered(clock));
        if (redis != null) {
            redis.subscribe(TENANTS_CHANNEL, id -> core.tenants().reload());
            redis.subscribe(GATEWAY_CHANNEL, tenant -> core.gatewayRules().reload(tenant));
            redis.subscribe(CLIENTS_CHANNEL, key -> {
                int slash = key.indexOf('/');
                core.clients().forget(key.substring(0, slash), key.substring(slash + 1));
            });
        }
        telemetry.gauge("frontdesk.sessions.active", "Live sessions", () -> core.sessions().liveCount());

        Administrators administrators = Administrators.bootstrap(new JdbcAdministratorStore(database.jdbi()),
                new WebAuthn4jPasskeys(), new JdbcServerSecretStore(database.jdbi()), hasher, core.authentication(),
                core.audit(), clock, core.secrets(), new Administrators.Policy(config.adminBasicAuth(),
                        config.adminSecondFactor().equals("required")),
                () -> core.tenants().require(Tenant.DEFAULT).settings().throttle().trustedNetworks(),
                config.adminPassword(), password ->
                console.println("Generated admin password (shown once; set FRONTDESK_ADMIN_PASSWORD to choose one): "
                        + password));
        AdminClients adminClients = new AdminClients(new JdbcAdminClientStore(database.jdbi()), core.clients(),
                core.audit(), clock);
        ClientAddresses addresses = new ClientAddresses(config.trustedProxyRanges());
        SessionCookies cookies = new SessionCookies(addresses);
        ReadDeadlines deadlines = new ReadDeadlines(Duration.ofSeconds(config.headerReadTimeoutSeconds()),
                Duration.ofSeconds(config.bodyReadTimeoutSeconds()));
        Requests requests = new Requests(core.tenants(), addresses, cookies, config.maxBodyBytes(), deadlines);
        ErrorFrame frame = new ErrorFrame(requests);
        OriginPolicy origins = new OriginPolicy(addresses);
        AgentProvisioning provisioning = new AgentProvisioning(core.accounts());
        OpenIdLinks links = new OpenIdLinks(new JdbcOpenIdLinkStore(database.jdbi()), clock, core.secrets());
        PasswordResets resets = new PasswordResets(new JdbcResetCodeStore(database.jdbi()), counters, clock,
                core.secrets());
        ConsoleService consoleService = new ConsoleService(administrators, requests, cookies, origins, core.secrets(),
                clock);
        Routes.Doors doors = new Routes.Doors(
                new HealthService(() -> database.isHealthy() && sessionStore.isHealthy(), telemetry, addresses,
                        config.metricsToken()),
                new NativeApi(core, new SecondStepLogins(new JdbcAccountTotpStore(database.jdbi()), core.logins(),
                        core.accounts(), core.tenants(), core.authentication(), core.audit(), clock, core.secrets()),
                        requests),
                new OAuthService(core.clients(), adminClients, core.sessions(), requests, addresses, frame),
                new AdminApi(core, requests, administrators, adminClients, consoleService.sessionCheck()),
                new EgainDialect(core, requests, frame),
                new IServiceDialect(new IServiceDialect.Parts(core, requests, frame, origins, cookies, links, resets,
                        provisioning)),
                new SrsDialect(core, requests, frame, origins, cookies, provisioning),
                gateway(core, addresses),
                consoleService);
        Routes.Edge edge = new Routes.Edge(new HttpMetricsFilter(telemetry),
                config.accessLog() ? new AccessLogFilter(addresses) : null, requests, deadlines, config.maxBodyBytes(),
                clock);

        var builder = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .maxPayloadSize(OversizedBodyFilter.refusalLimit(config.maxBodyBytes()))
                // an answer written in several pieces (/metrics) must not wait ~40 ms for the client's delayed ACK
                .connectionOptions(socket -> socket.tcpNoDelay(true))
                // the header block is bounded; the request line and the headers must arrive in time
                .addProtocol(Http1Config.builder()
                        .maxHeadersSize(HeaderLimits.MAX_HEADER_BLOCK)
                        .addReceiveListener(new HeaderLimits(deadlines))
                        .build())
                // waiting for a request line (new or idle keep-alive connection) ends at the head timeout
                .idleConnectionTimeout(deadlines.head())
                .idleConnectionPeriod(Duration.ofSeconds(1))
                // the web server's own messages reach EdgeDirectHandler to classify, never the client
                .errorHandling(ErrorHandling.builder().includeEntity(true).build())
                // a body declared far too large is refused before routing; eGain paths answer it in their shape
                .directHandlers(handlers -> {
                    DirectHandler direct = new DatedDirectHandler(clock, new EdgeDirectHandler());
                    for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
                        handlers.addHandler(type, direct);
                    }
                    handlers.addHandler(DirectHandler.EventType.BAD_REQUEST,
                            new DatedDirectHandler(clock, new EgainDirectHandler(core.tenants(), config.maxBodyBytes(),
                                    new EdgeDirectHandler())));
                })
                .shutdownGracePeriod(Duration.ofSeconds(5))
                .routing(routing -> Routes.register(routing, edge, doors));
        if (config.tlsKeystore() != null && !config.tlsKeystore().isBlank()) {
            SSLContext tls = TlsContexts.fromPkcs12(Path.of(config.tlsKeystore()), config.tlsKeystorePassword());
            builder.tls(t -> t.sslContext(tls)
                    .enabledProtocols(TlsContexts.PROTOCOLS)
                    .enabledCipherSuites(TlsContexts.cipherSuites(tls)));
        }
        WebServer webServer = builder.build().start();
        listening.complete(null);
        LOG.debug("read timeouts: head {}, body {}", deadlines.head(), deadlines.body());

        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("frontdesk-sweeper").daemon(true).factory());
        sweeper.scheduleWithFixedDelay(() -> sweep(core), config.sweepIntervalSeconds(),
                config.sweepIntervalSeconds(), TimeUnit.SECONDS);
        return new FrontdeskServer(database, auditLog, redis, core, webServer, sweeper, deadlines);
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

    /** Gateway mode: every dialect's credential, in the order they are looked for (native when none is found). */
    private static ForwardAuth gateway(Frontdesk core, ClientAddresses addresses) {
        NativeGatewayCredential nativeSession = new NativeGatewayCredential();
        return new ForwardAuth(core.tenants(), core.sessions(), core.clients(), core.gatewayRules(),
                new AccountRights(core.accounts(), core.clock(), ACCESS_RIGHTS_FRESH_FOR), addresses,
                List.of(new EgainGatewayCredential(), new IServiceGatewayCredential(), new SrsGatewayCredential(),
                        nativeSession, new OAuthGatewayCredential()), nativeSession);
    }

    /** Tells the other nodes to re-read a tenant's gateway rules after a change. */
    private static GatewayRuleStore publishing(GatewayRuleStore store, Redis redis) {
        return new GatewayRuleStore() {
            @Override
            public java.util.Map<String, java.util.List<GatewayRule>> findAll() {
                return store.findAll();
            }

            @Override
            public java.util.List<GatewayRule> find(String tenant) {
                return store.find(tenant);
            }

            @Override
            public void replace(String tenant, java.util.List<GatewayRule> rules) {
                store.replace(tenant, rules);
                redis.publish(GATEWAY_CHANNEL, tenant);
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
            core.gatewayRules().reload();
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
        deadlines.close();
        if (redis != null) {
            redis.close();
        }
        database.groupCommit().close(); // queued audit events reach the database, or the spool
        auditLog.close();
        database.close();
    }
}
