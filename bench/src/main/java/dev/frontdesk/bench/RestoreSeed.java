package dev.frontdesk.bench;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.client.ClientApp;
import dev.frontdesk.core.client.ClientApps;
import dev.frontdesk.core.client.TokenResult;
import dev.frontdesk.core.session.OpenResult;
import dev.frontdesk.core.session.SessionEngine;
import dev.frontdesk.core.session.SessionRequest;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.server.FrontdeskServer;
import dev.frontdesk.server.config.ConfigLoader;
import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.genesys.SrsDialect;
import dev.frontdesk.server.store.jdbc.Database;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fills a stopped server's data directory: starts the real server wiring in process on it (as
 * {@link SessionMemory} does), opens live sessions through {@link SessionEngine#open} (no password hash:
 * neither a restore nor a place claim sees it), then stops. The data directory must already hold the
 * harness's tenant settings (caps of 1,000,000) and its client.
 *
 * <ul>
 *   <li>{@code RestoreSeed DIR SESSIONS TOKENS} (the "restart with data" figure): {@code SESSIONS} native
 *       sessions, five per account, and {@code TOKENS} client-credentials tokens issued to the harness's
 *       client through {@link ClientApps#issueToken}.</li>
 *   <li>{@code RestoreSeed DIR SESSIONS 0 srs-places [FIRST]} (the {@code places} scenario, {@link PlacesBench}):
 *       {@code SESSIONS} SRS sessions (channel {@code srs}) of as many distinct agents, numbered from
 *       {@code FIRST} (default 0) so that a second call adds to the first: agent {@code i} is user
 *       {@code seed-srs-agent-i} with one session whose attribute {@code place} is {@code seed-place-i}, so
 *       a place claim that reads the tenant's sessions sees every one of them. They get the agent idle
 *       timeout (as with {@code srsPingRequired: false}), not the 60 s ping timer, so they stay live
 *       through the measurements without being pinged.</li>
 * </ul>
 * Prints {@code SEED sessions=N tokens=M seconds=S}.
 */
public final class RestoreSeed {
    /** The mode argument of the {@code places} scenario. */
    static final String SRS_PLACES = "srs-places";
    /** The session attribute a hot-seating claim reads (the SRS login configuration's {@code place}). */
    static final String PLACE = "place";

    private RestoreSeed() {
    }

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        int sessions = Integer.parseInt(args[1]);
        int tokens = Integer.parseInt(args[2]);
        boolean srsPlaces = args.length > 3 && args[3].equals(SRS_PLACES);
        if (args.length > 3 && !srsPlaces) {
            throw new IllegalArgumentException("unknown mode " + args[3] + "; the only mode is " + SRS_PLACES);
        }
        long first = args.length > 4 ? Long.parseLong(args[4]) : 0;
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("host", "127.0.0.1");
        overrides.put("port", 0);
        overrides.put("dataDir", dataDir);
        overrides.put("accessLog", false);
        overrides.put("sweepIntervalSeconds", 3600);
        ServerConfig config = ConfigLoader.load(null, Map.of("FRONTDESK_ADMIN_PASSWORD", Harness.ADMIN_PASSWORD),
                overrides);
        long started = System.nanoTime();
        try (FrontdeskServer server = FrontdeskServer.start(config, Clock.systemUTC(),
                new PrintStream(OutputStream.nullOutputStream()))) {
            SessionEngine engine = server.core().sessions();
            // the server commits every write at once (WRITE_DELAY=0: durable before it answers); while seeding,
            // let H2 group the commits instead (set back before the server stops): one write of the changed
            // pages per 500 ms, instead of one per session
            writeDelay(dataDir, 500);
            ClientApps clients = server.core().clients();
            ClientApp client = clients.find("default", Harness.CLIENT_ID)
                    .orElseThrow(() -> new IllegalStateException("no client " + Harness.CLIENT_ID + " in " + dataDir));
            if (srsPlaces) {
                parallel(sessions, (i, context) -> {
                    long n = first + i;
                    Account account = new Account("seed-srs-account-" + n, "default", "seed-srs-agent-" + n,
                            AccountType.AGENT, null, null, null, null, null, null, true, null, null, Instant.now());
                    SessionRequest request = new SessionRequest(context.withChannel(SrsDialect.CHANNEL), false, null,
                            null, Map.of(PLACE, "seed-place-" + n));
                    if (!(engine.open(account, request) instanceof OpenResult.Opened)) {
                        throw new IllegalStateException("SRS session " + n + " was not opened");
                    }
                });
            } else {
                parallel(sessions, (i, context) -> {
                    Account account = new Account("seed-account-" + (i / 5), "default", "seed-agent-" + (i / 5),
                            AccountType.AGENT, null, null, null, null, null, null, true, null, null, Instant.now());
                    if (!(engine.open(account, SessionRequest.of(context, true)) instanceof OpenResult.Opened)) {
                        throw new IllegalStateException("session " + i + " was not opened");
                    }
                });
            }
            parallel(tokens, (i, context) -> {
                if (!(clients.issueToken(client, false, context) instanceof TokenResult.Issued)) {
                    throw new IllegalStateException("token " + i + " was not issued");
                }
            });
            writeDelay(dataDir, 0);
        }
        System.out.printf(java.util.Locale.ROOT, "SEED sessions=%d tokens=%d seconds=%.1f%n", sessions, tokens,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * {@code SET WRITE_DELAY} on the server's embedded database, through a connection of this JVM to the
     * same file (H2 shares the open database between them).
     */
    private static void writeDelay(String dataDir, int millis) throws SQLException {
        String url = "jdbc:h2:file:" + Path.of(dataDir).toAbsolutePath().resolve(Database.EMBEDDED_NAME);
        try (Connection c = new org.h2.Driver().connect(url, credentials());
             Statement st = c.createStatement()) {
            st.execute("SET WRITE_DELAY " + millis);
        }
    }

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        return p;
    }

    private interface Step {
        void run(long i, RequestContext context);
    }

    /** Runs {@code count} steps on two threads; the first failure stops both and is thrown here. */
    private static void parallel(int count, Step step) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                long i;
                while (failure.get() == null && (i = next.getAndIncrement()) < count) {
                    try {
                        step.run(i, new RequestContext("native", "127.0.0." + (i % 250), "bench-seed/" + (i % 1000),
                                null));
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
