package dev.frontdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code multinode} scenario: the login / validate / introspect / token loads against one and three
 * Frontdesk nodes on PostgreSQL + Redis, all on this machine, so the figures are overhead against the
 * embedded mode of the same run, not scaling. PostgreSQL is the shared cluster on 127.0.0.1:5432 with a
 * fresh database per life cycle; Redis is a {@code redis-server} of the harness's own on a free port, so
 * its {@code INFO commandstats} deltas count Frontdesk's commands only. Both are reached through a
 * {@link CountingProxy}, which counts round trips to Redis and SQL statements (pg_stat_statements needs a
 * restart of the shared cluster, which the harness must not do). The counts come from operations run
 * one at a time (20 forced logins, 200 validations, ...) with the background sweep pushed out to an hour.
 */
final class MultiNode {
    static final int BASE_PORT = 18191;
    private static final int PROBE_LOGINS = 20;
    private static final int PROBE_CHECKS = 200;
    private static final int PROBE_TOKENS = 20;

    private final Harness h;
    private final Results results;

    MultiNode(Harness harness) {
        this.h = harness;
        this.results = harness.results;
    }

    void run() throws Exception {
        for (String g : List.of("mn1", "mn3", "redis")) {
            results.clearGroup(g);
        }
        h.aotTraining(); // else every node of a first multi-node start would record the AOT cache at once
        results.meta("mn", "started", Harness.now());
        results.meta("mn", "loadBefore", Harness.uptime());
        int redisPort = freePort();
        Path redisDir = Files.createTempDirectory(h.work, "redis");
        Process redis = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", redisDir.toString()).redirectErrorStream(true)
                .redirectOutput(h.work.resolve("logs/redis.log").toFile()).start();
        try {
            awaitPort(redisPort);
            redisBenchmark(redisPort);
            for (int r = 0; r < h.runs; r++) {
                for (int nodes : List.of(1, 3)) {
                    Harness.log("Multi-node run " + (r + 1) + "/" + h.runs + ": " + nodes + " node(s) on PostgreSQL + Redis");
                    lifeCycle(nodes, redisPort, r + 1);
                    results.save();
                }
            }
        } finally {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
            Harness.deleteTree(redisDir);
        }
        results.meta("mn", "loadAfter", Harness.uptime());
        results.save();
    }

    private void lifeCycle(int nodes, int redisPort, int run) throws Exception {
        String db = "fd_bench_" + nodes + "_" + Long.toHexString(System.nanoTime());
        sql("CREATE DATABASE " + db);
        redisCommand(redisPort, "FLUSHALL");
        String group = "mn" + nodes;
        List<Server> servers = new ArrayList<>();
        try (CountingProxy pg = new CountingProxy(5432, true); CountingProxy rd = new CountingProxy(redisPort, false)) {
            List<String> bases = new ArrayList<>();
            try {
                for (int n = 0; n < nodes; n++) {
                    int port = BASE_PORT + n;
                    Path data = h.work.resolve("mn-data-" + n);
                    Harness.deleteTree(data);
                    Map<String, String> env = new LinkedHashMap<>();
                    env.put("FRONTDESK_ADMIN_PASSWORD", Harness.ADMIN_PASSWORD);
                    env.put("JAVA_HOME", h.javaHome);
                    env.put("FRONTDESK_DB_URL", "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + db
                            + "?sslmode=disable&gssEncMode=disable");
                    env.put("FRONTDESK_DB_USER", "postgres");
                    env.put("FRONTDESK_REDIS_URL", "redis://127.0.0.1:" + rd.port() + "/0");
                    env.put("FRONTDESK_SWEEP_INTERVAL_SECONDS", "3600");
                    Server s = Server.start("frontdesk-" + n, List.of(h.root.resolve("bin/frontdesk").toString(), "serve",
                            "--host", "127.0.0.1", "--port", String.valueOf(port), "--data-dir", data.toString()), env,
                            h.root, h.work.resolve("logs/multinode-" + nodes + "-run" + run + "-node" + n + ".log"));
                    servers.add(s);
                    s.awaitReady(port, "/health/ready", 180);
                    bases.add("http://127.0.0.1:" + port);
                }
                Harness.FrontdeskSetup setup = h.new FrontdeskSetup(bases.get(0));
                setup.prepare();
                String token = setup.token();
                List<String> sessions = setup.sessions(Harness.LIVE_SESSIONS);
                setup.checkValidate(sessions.get(0), token);
                if (nodes == 1) {
                    probe(setup, sessions.get(0), token, redisPort, rd, pg);
                }
                loads(group, bases, sessions, token);
            } finally {
                for (Server s : servers) {
                    s.close();
                }
            }
        } finally {
            sql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    /** Redis commands, Redis round trips and SQL statements per operation, one operation at a time. */
    private void probe(Harness.FrontdeskSetup setup, String session, String token, int redisPort, CountingProxy rd,
                       CountingProxy pg) throws Exception {
        String base = setup.base;
        count("login", PROBE_LOGINS, redisPort, rd, pg, i -> setup.login(i));
        count("session", PROBE_CHECKS, redisPort, rd, pg, i -> Http.send("GET", base + "/api/v1/session",
                Map.of("X-Session-Token", session), null).expect(200));
        count("introspect", PROBE_CHECKS, redisPort, rd, pg, i -> Http.send("POST", base + "/api/v1/introspect",
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
                Http.json(Map.of("session", session))).expect(200));
        count("token", PROBE_TOKENS, redisPort, rd, pg, i -> setup.token());
    }

    private interface Op {
        Object run(int i) throws Exception;
    }

    private void count(String op, int n, int redisPort, CountingProxy rd, CountingProxy pg, Op action) throws Exception {
        action.run(0); // the first of a kind may load caches; the figures are for the steady state
        Map<String, Long> before = commandStats(redisPort);
        long trips = rd.writes();
        long statements = pg.statements();
        for (int i = 1; i <= n; i++) {
            action.run(i);
        }
        Map<String, Long> after = commandStats(redisPort);
        long tripsDelta = rd.writes() - trips;
        long statementsDelta = pg.statements() - statements;
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((cmd, calls) -> {
            long d = calls - before.getOrDefault(cmd, 0L);
            if (d > 0 && !cmd.equals("info")) {
                delta.put(cmd, d);
            }
        });
        long commands = delta.values().stream().mapToLong(Long::longValue).sum();
        results.add("mn1." + op + ".redis_per_op", commands / (double) n);
        results.add("mn1." + op + ".redis_round_trips", tripsDelta / (double) n);
        results.add("mn1." + op + ".sql_per_op", statementsDelta / (double) n);
        StringBuilder mix = new StringBuilder();
        delta.forEach((cmd, d) -> mix.append(mix.isEmpty() ? "" : ", ").append(cmd).append(' ')
                .append(Stats.fmt(d / (double) n)));
        results.meta("mn", op + "Commands", mix.toString());
        Harness.log(String.format(Locale.ROOT, "  per %s: %.2f Redis commands (%s), %.2f Redis round trips, "
                + "%.2f SQL statements", op, commands / (double) n, mix, tripsDelta / (double) n, statementsDelta / (double) n));
    }

    private void loads(String group, List<String> bases, List<String> sessions, String token) throws Exception {
        List<Wrk.Req> logins = new ArrayList<>();
        for (int u = 0; u < Harness.USERS; u++) {
            logins.add(Wrk.post("/api/v1/login", Wrk.headers("Content-Type", "application/json"),
                    Http.json(Map.of("username", Harness.user(u), "password", Harness.USER_PASSWORD, "force", true))));
        }
        measure(group + ".login", bases, logins, Harness.LOGIN_CONNECTIONS);
        List<Wrk.Req> checks = new ArrayList<>();
        List<Wrk.Req> introspections = new ArrayList<>();
        for (String id : sessions) {
            checks.add(Wrk.get("/api/v1/session", Wrk.headers("X-Session-Token", id)));
            introspections.add(Wrk.post("/api/v1/introspect", Wrk.headers("Authorization", "Bearer " + token,
                    "Content-Type", "application/json"), Http.json(Map.of("session", id))));
        }
        measure(group + ".session", bases, checks, Harness.VALIDATE_CONNECTIONS);
        measure(group + ".introspect", bases, introspections, Harness.VALIDATE_CONNECTIONS);
        measure(group + ".token", bases, List.of(Wrk.post("/oauth2/token", Wrk.headers("Authorization",
                Http.basic(Harness.CLIENT_ID, Harness.CLIENT_SECRET), "Content-Type",
                "application/x-www-form-urlencoded"), "grant_type=client_credentials")), Harness.TOKEN_CONNECTIONS);
    }

    /** One wrk per node at the same time, the connections split between them; rates add up. */
    private void measure(String metric, List<String> bases, List<Wrk.Req> requests, int connections) throws Exception {
        int each = Math.max(1, Math.round(connections / (float) bases.size()));
        parallel(metric.replace('.', '-') + "-warmup", bases, requests, each, h.warmup);
        List<Wrk.Result> runs = parallel(metric.replace('.', '-'), bases, requests, each, h.seconds);
        double rate = 0;
        double p50 = 0;
        double p99 = 0;
        long errors = 0;
        for (Wrk.Result r : runs) {
            rate += r.rate();
            p50 = Math.max(p50, r.p50Ms());
            p99 = Math.max(p99, r.p99Ms());
            errors += r.errors();
        }
        results.add(metric + ".rps", rate);
        results.add(metric + ".p50_ms", p50);
        results.add(metric + ".p99_ms", p99);
        results.add(metric + ".errors", (double) errors);
        Harness.log(String.format(Locale.ROOT, "  %-18s %10.1f req/s  p50 %.2f ms  p99 %.2f ms  errors %d", metric, rate,
                p50, p99, errors));
    }

    private List<Wrk.Result> parallel(String name, List<String> bases, List<Wrk.Req> requests, int connections,
                                      int seconds) throws Exception {
        List<Wrk.Result> out = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < bases.size(); i++) {
            String base = bases.get(i);
            String label = name + "-node" + i;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    Wrk.Result r = h.wrk.run(label, base, requests, connections, seconds);
                    synchronized (out) {
                        out.add(r);
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return out;
    }

    /** Throughput of this machine's Redis for the capacity line: redis-benchmark GET/SET, 16 clients, no pipelining. */
    private void redisBenchmark(int port) throws Exception {
        String out = h.exec(List.of("redis-benchmark", "-h", "127.0.0.1", "-p", String.valueOf(port), "-q", "--csv",
                "-n", h.quick ? "20000" : "200000", "-c", "16", "-t", "get,set"), 300);
        Matcher m = Pattern.compile("\"(GET|SET)\",\"([0-9.]+)\"").matcher(out);
        double sum = 0;
        int n = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
            n++;
        }
        if (n > 0) {
            results.add("redis.bench_ops_per_s", sum / n);
            Harness.log(String.format(Locale.ROOT, "  redis-benchmark GET/SET: %.0f ops/s", sum / n));
        }
        redisCommand(port, "CONFIG RESETSTAT");
    }

    private static Map<String, Long> commandStats(int port) throws IOException {
        Map<String, Long> calls = new TreeMap<>();
        Matcher m = Pattern.compile("cmdstat_([a-z|_-]+):calls=(\\d+)").matcher(redisCommand(port, "INFO commandstats"));
        while (m.find()) {
            calls.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return calls;
    }

    /** One inline command over RESP; returns the reply's text (a bulk reply is read to its end). */
    static String redisCommand(int port, String inline) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder first = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                first.append((char) c);
            }
            String head = first.toString().trim();
            if (head.startsWith("$")) {
                int len = Integer.parseInt(head.substring(1));
                return len < 0 ? "" : new String(in.readNBytes(len), StandardCharsets.UTF_8);
            }
            if (head.startsWith("-")) {
                throw new IOException("redis: " + head);
            }
            return head;
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }
}
