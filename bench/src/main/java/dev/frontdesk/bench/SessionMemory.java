package dev.frontdesk.bench;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.session.OpenResult;
import dev.frontdesk.core.session.SessionEngine;
import dev.frontdesk.core.session.SessionRequest;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.server.FrontdeskServer;
import dev.frontdesk.server.config.ConfigLoader;
import dev.frontdesk.server.config.ServerConfig;
import java.io.PrintStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap per live session, in process: starts the real server wiring ({@link FrontdeskServer}: embedded
 * H2 in a fresh data directory, {@code JdbcSessionStore}, {@code SessionEngine}) on a loopback port,
 * measures the heap after full GCs, opens {@code N} sessions through {@link SessionEngine#open}
 * (write-through to H2 like a login, without the password hash, which does not change what a session
 * holds), measures again and prints {@code MEM sessions=N bytes_per_session=B heap_before=.. heap_after=..}.
 *
 * <p>Each session gets its own copies of every per-login string (account id, tenant, user name, client
 * address, user agent) as a login over HTTP would, and five sessions share an account (the default
 * cap), so nothing is interned that the server would not intern.
 */
public final class SessionMemory {
    private SessionMemory() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        String dataDir = args[1];
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("host", "127.0.0.1");
        overrides.put("port", 0);
        overrides.put("dataDir", dataDir);
        overrides.put("accessLog", false);
        overrides.put("sweepIntervalSeconds", 3600);
        ServerConfig config = ConfigLoader.load(null, Map.of("FRONTDESK_ADMIN_PASSWORD", "bench-admin-password-1"),
                overrides);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (FrontdeskServer server = FrontdeskServer.start(config, Clock.systemUTC(), quiet)) {
            SessionEngine engine = server.core().sessions();
            open(engine, 5_000, threads); // warm the code paths and H2's pages before the baseline
            long before = usedAfterGc();
            int live0 = engine.liveCount();
            long started = System.nanoTime();
            open(engine, count, threads);
            double seconds = (System.nanoTime() - started) / 1e9;
            long after = usedAfterGc();
            int live = engine.liveCount() - live0;
            if (live != count) {
                throw new IllegalStateException("expected " + count + " new live sessions, found " + live);
            }
            System.out.printf(java.util.Locale.ROOT,
                    "MEM sessions=%d bytes_per_session=%.1f heap_before=%d heap_after=%d opens_per_s=%.0f%n",
                    count, (after - before) / (double) count, before, after, count / seconds);
        }
    }

    private static void open(SessionEngine engine, int count, int threads) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        List<Thread> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                Account account = null;
                long i;
                int mine = 0;
                while ((i = next.getAndIncrement()) < count) {
                    if (mine++ % 5 == 0) {
                        account = new Account(UUID.randomUUID().toString(), new String("default"),
                                "agent-" + UUID.randomUUID(), AccountType.AGENT, null, null, null, null, null,
                                null, true, null, null, Instant.now());
                    }
                    Account fresh = new Account(new String(account.id()), new String(account.tenant()),
                            new String(account.username()), account.type(), null, null, null, null, null, null,
                            true, null, null, account.createdAt());
                    RequestContext context = new RequestContext("native", "127.0.0." + (i % 250),
                            "Mozilla/5.0 (X11; Linux x86_64) bench/" + (i % 1000), null);
                    OpenResult result = engine.open(fresh, SessionRequest.of(context, true));
                    if (!(result instanceof OpenResult.Opened)) {
                        throw new IllegalStateException("open failed: " + result);
                    }
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(300);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
