package dev.frontdesk.bench.jmh;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.audit.Audit;
import dev.frontdesk.core.session.OpenResult;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.session.SessionEngine;
import dev.frontdesk.core.session.SessionRequest;
import dev.frontdesk.core.support.IdGenerator;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.tenant.Tenants;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.store.jdbc.JdbcAuditLog;
import dev.frontdesk.server.store.jdbc.JdbcSessionStore;
import dev.frontdesk.server.store.jdbc.JdbcTenantStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The session engine on the embedded store, as the server wires it: {@link SessionEngine} over
 * {@link JdbcSessionStore} (in-memory index, write-through to an H2 file) with the JDBC audit log.
 *
 * <ul>
 *   <li>{@code create}: open a session for a new account (one H2 insert);</li>
 *   <li>{@code validate}: validate a live session ID inside the touch interval (the hot path: SHA-256
 *       and a map lookup, no write);</li>
 *   <li>{@code touch}: validate where the touch interval has passed, so each call also writes
 *       last-seen (what one session costs once per 5 s of use);</li>
 *   <li>{@code evict}: a forced open of an account at its cap of 5 (ends the oldest: H2 delete, audit
 *       insert, H2 insert).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xmx2g"})
public class SessionEngineBenchmark {
    private static final int LIVE = 10_000;
    private static final int CAPPED_ACCOUNTS = 1_000;
    private static final int CAP = 5;

    private Path dir;
    private Database database;
    private SessionEngine engine;
    private MutableClock clock;
    private String[] ids;
    private Account[] capped;
    private int next;
    private int nextCapped;
    private RequestContext context;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("frontdesk-jmh");
        database = Database.embedded(dir);
        clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        Tenants tenants = new Tenants(new JdbcTenantStore(database.jdbi(),
                new dev.frontdesk.server.store.secrets.AesGcmSealer(java.util.List.of(
                        dev.frontdesk.server.store.secrets.SecretKeyFile.random()))));
        engine = new SessionEngine(JdbcSessionStore.open(database), tenants,
                new Audit(new JdbcAuditLog(database, dir), clock, IdGenerator.randomUuids()), clock,
                Secrets.strong(), IdGenerator.randomUuids());
        context = new RequestContext("native", "127.0.0.1", "jmh", null);
        ids = new String[LIVE];
        for (int i = 0; i < LIVE; i++) {
            ids[i] = opened(engine.open(account(), SessionRequest.of(context, false))).sessionId();
        }
        capped = new Account[CAPPED_ACCOUNTS];
        for (int a = 0; a < CAPPED_ACCOUNTS; a++) {
            capped[a] = account();
            for (int s = 0; s < CAP; s++) {
                opened(engine.open(capped[a], SessionRequest.of(context, false)));
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        database.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public OpenResult create() {
        return engine.open(account(), SessionRequest.of(context, false));
    }

    @Benchmark
    public Optional<Session> validate() {
        Optional<Session> s = engine.validate(ids[next]);
        next = next + 1 == LIVE ? 0 : next + 1;
        return s;
    }

    @Benchmark
    public Optional<Session> touch() {
        if (next == 0) {
            clock.advance(Duration.ofSeconds(5)); // every session's last write is now one interval old
        }
        Optional<Session> s = engine.validate(ids[next]);
        next = next + 1 == LIVE ? 0 : next + 1;
        return s;
    }

    @Benchmark
    public OpenResult evict() {
        Account account = capped[nextCapped];
        nextCapped = nextCapped + 1 == CAPPED_ACCOUNTS ? 0 : nextCapped + 1;
        clock.advance(Duration.ofMillis(1)); // keeps "oldest" well defined
        OpenResult result = engine.open(account, SessionRequest.of(context, true));
        if (!(result instanceof OpenResult.Opened o) || o.evicted().size() != 1) {
            throw new IllegalStateException("expected one eviction, got " + result);
        }
        return result;
    }

    private Account account() {
        return new Account(UUID.randomUUID().toString(), "default", "agent-" + UUID.randomUUID(), AccountType.AGENT,
                null, null, null, null, null, null, true, null, null, clock.instant());
    }

    private static OpenResult.Opened opened(OpenResult result) {
        if (result instanceof OpenResult.Opened o) {
            return o;
        }
        throw new IllegalStateException("open failed: " + result);
    }

    /** A clock the benchmark moves by hand, so touch and expiry are deterministic. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
