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
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills a stopped server's data directory for the "restart with data" figure: starts the real server
 * wiring in process on it (as {@link SessionMemory} does), opens {@code sessions} live sessions through
 * {@link SessionEngine#open} (five per account, no password hash: a restore does not see it) and issues
 * {@code tokens} client-credentials tokens to the harness's client through {@link ClientApps#issueToken},
 * then stops. The data directory must already hold the harness's tenant settings (caps of 1,000,000)
 * and its client. Prints {@code SEED sessions=N tokens=M seconds=S}.
 */
public final class RestoreSeed {
    private RestoreSeed() {
    }

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        int sessions = Integer.parseInt(args[1]);
        int tokens = Integer.parseInt(args[2]);
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
            ClientApps clients = server.core().clients();
            ClientApp client = clients.find("default", Harness.CLIENT_ID)
                    .orElseThrow(() -> new IllegalStateException("no client " + Harness.CLIENT_ID + " in " + dataDir));
            parallel(sessions, (i, context) -> {
                Account account = new Account("seed-account-" + (i / 5), "default", "seed-agent-" + (i / 5),
                        AccountType.AGENT, null, null, null, null, null, null, true, null, null, Instant.now());
                if (!(engine.open(account, SessionRequest.of(context, true)) instanceof OpenResult.Opened)) {
                    throw new IllegalStateException("session " + i + " was not opened");
                }
            });
            parallel(tokens, (i, context) -> {
                if (!(clients.issueToken(client, false, context) instanceof TokenResult.Issued)) {
                    throw new IllegalStateException("token " + i + " was not issued");
                }
            });
        }
        System.out.printf(java.util.Locale.ROOT, "SEED sessions=%d tokens=%d seconds=%.1f%n", sessions, tokens,
                (System.nanoTime() - started) / 1e9);
    }

    private interface Step {
        void run(long i, RequestContext context);
    }

    private static void parallel(int count, Step step) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                long i;
                while ((i = next.getAndIncrement()) < count) {
                    step.run(i, new RequestContext("native", "127.0.0." + (i % 250), "bench-seed/" + (i % 1000), null));
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
    }
}
