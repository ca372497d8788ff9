package dev.frontdesk.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code places} scenario (issue 15, "no tenant-wide scans"): does an SRS login that claims a place
 * cost more when the tenant holds many sessions, and do the {@code frontdesk_sessions_active} gauge and
 * the admin list for one user?
 *
 * <p>For each tenant size N in {@link #COUNTS} a data directory is prepared once: the first start gets the
 * harness's settings (caps of 1,000,000), its 16 agents and client, plus a helpdesk admin client; then,
 * while no server runs, {@link RestoreSeed} in its {@code srs-places} mode adds SRS sessions of distinct
 * agents, each holding its own place, through the real wiring (the directory of the previous N is copied
 * and topped up, so 100,000 sessions are seeded once in all). Per run and per N, one server life cycle
 * ({@code bin/frontdesk serve}, the flags of every other scenario):
 * <ol>
 *   <li>the harness agents' leftover sessions are ended (admin API), and the gauge must read exactly N;</li>
 *   <li>a claim of a seeded place by a harness agent must answer 409 (the claim sees the seeded sessions);</li>
 *   <li>wrk, {@link Harness#LOGIN_CONNECTIONS} connections, the 16 agents round-robin: the SRS login
 *       without a place ({@code GET /api/v2/me} with Basic) and with one ({@code POST /api/v2/me} with
 *       {@code [{"name":"place","value":"bench-place-<u>"}]}: each agent claims its own place again, which
 *       hot seating allows), in that order in odd runs and the other way round in even ones (the first load
 *       of a life gets the longer warm-up); the agents' sessions are ended after each warm-up, so both
 *       measured loads start at N;</li>
 *   <li>{@link #PROBE_CALLS} sequential calls each (after {@link #PROBE_WARMUP} not counted) of
 *       {@code GET /metrics} and of {@code GET /admin/api/v1/tenants/default/sessions?username=bench-user-0}
 *       (one live session), timed one by one, each on a fresh connection; the admin call carries the
 *       helpdesk client's bearer token, so no password hash is in the figure.</li>
 * </ol>
 * Figures: {@code places.<N>.plain.*} and {@code places.<N>.place.*} (as every wrk measurement),
 * {@code places.<N>.metrics_ms} / {@code admin_list_ms} (median of the calls, with {@code _p90}),
 * {@code places.<N>.gauge} and {@code places.<N>.ready_ms}.
 */
final class PlacesBench {
    /** Tenant sizes, ascending (each data directory is the previous one topped up). */
    static final List<Integer> COUNTS = List.of(0, 10_000, 100_000);
    /** The tenant size of the target row. */
    static final int TARGET_COUNT = 100_000;
    static final int PROBE_CALLS = 200;
    static final int PROBE_WARMUP = 10;
    /** Warm-up of the first and of the second load in a server life (capped by the harness's own warm-up). */
    static final int FIRST_WARMUP = 3;
    static final int SECOND_WARMUP = 2;
    static final String TENANT = "default";
    static final String ADMIN_CLIENT = "bench-helpdesk";
    static final String ADMIN_CLIENT_SECRET = "bench-helpdesk-secret-3c71d9e04b";
    private static final Pattern GAUGE = Pattern.compile("(?m)^frontdesk_sessions_active(?:\\{[^}]*})?\\s+(\\S+)$");

    private final Harness h;
    private final Results results;
    private final String base = "http://127.0.0.1:" + Harness.FD_PORT;

    PlacesBench(Harness harness) {
        this.h = harness;
        this.results = harness.results;
    }

    void run() throws Exception {
        results.clearGroup("places");
        results.meta("places", "started", Harness.now());
        results.meta("places", "loadBefore", Harness.uptime());
        h.aotTraining();
        Map<Integer, Path> dirs = seed();
        try {
            for (int r = 0; r < h.runs; r++) {
                for (int n : COUNTS) {
                    Harness.log(String.format(Locale.ROOT, "places run %d/%d: %,d tenant sessions", r + 1, h.runs, n));
                    lifeCycle(n, dirs.get(n), r + 1);
                    results.save();
                }
            }
        } finally {
            for (Path dir : dirs.values()) {
                Harness.deleteTree(dir);
            }
        }
        results.meta("places", "loadAfter", Harness.uptime());
        results.save();
    }

    /** One data directory per tenant size; the first prepared through the admin API, the others seeded. */
    private Map<Integer, Path> seed() throws Exception {
        Map<Integer, Path> dirs = new LinkedHashMap<>();
        Path previous = null;
        int seeded = 0;
        List<String> seconds = new ArrayList<>();
        for (int n : COUNTS) {
            Path dir = h.work.resolve("places-data-" + n);
            Harness.deleteTree(dir);
            if (previous == null) {
                prepare(dir);
            } else {
                copyTree(previous, dir);
            }
            if (n > seeded) {
                List<String> cmd = new ArrayList<>();
                cmd.add(h.javaHome + "/bin/java");
                cmd.addAll(h.javaOpts);
                cmd.addAll(List.of("-Xmx1g", "-cp", h.benchJar + ":" + h.frontdeskJar, "dev.frontdesk.bench.RestoreSeed",
                        dir.toString(), String.valueOf(n - seeded), "0", RestoreSeed.SRS_PLACES, String.valueOf(seeded)));
                String line = h.exec(cmd, 1200).lines().filter(l -> l.startsWith("SEED")).findFirst().orElse("SEED ?");
                Harness.log(String.format(Locale.ROOT, "  seeded %,d SRS sessions with places (from %,d): %s",
                        n - seeded, seeded, line));
                Matcher m = Pattern.compile("seconds=([0-9.]+)").matcher(line);
                seconds.add(String.format(Locale.ROOT, "%,d in %s s", n - seeded, m.find() ? m.group(1) : "?"));
            }
            dirs.put(n, dir);
            previous = dir;
            seeded = n;
        }
        results.meta("places", "seeding", String.join("; ", seconds));
        return dirs;
    }

    /** First start on an empty directory: the harness's settings, agents and client, and a helpdesk client. */
    private void prepare(Path dir) throws Exception {
        try (Server first = h.startFrontdesk(dir, h.work.resolve("logs/places-setup.log"))) {
            first.awaitReady(Harness.FD_PORT, "/health/ready", 120);
            Harness.FrontdeskSetup setup = h.new FrontdeskSetup(base);
            setup.prepare();
            Http.send("POST", base + "/admin/api/v1/tenants/" + TENANT + "/clients", setup.admin,
                    Http.json(Map.of("clientId", ADMIN_CLIENT, "clientSecret", ADMIN_CLIENT_SECRET,
                            "adminRole", "helpdesk"))).expect(201);
        }
    }

    private void lifeCycle(int n, Path dir, int run) throws Exception {
        String p = "places." + n + ".";
        try (Server server = h.startFrontdesk(dir, h.work.resolve("logs/places-" + n + "-run" + run + ".log"))) {
            double ready = server.awaitReady(Harness.FD_PORT, "/health/ready", 300);
            results.add(p + "ready_ms", ready);
            Map<String, String> admin = adminHeaders();
            clear(admin);
            double gauge = gauge();
            results.add(p + "gauge", gauge);
            Harness.log(String.format(Locale.ROOT, "  ready in %.0f ms; frontdesk_sessions_active %.0f", ready, gauge));
            if (gauge != n) {
                throw new IllegalStateException("frontdesk_sessions_active reads " + gauge + " with " + n
                        + " seeded sessions and the harness agents' sessions ended");
            }
            List<Wrk.Req> plain = new ArrayList<>();
            List<Wrk.Req> placed = new ArrayList<>();
            for (int u = 0; u < Harness.USERS; u++) {
                plain.add(Wrk.get("/api/v2/me", Wrk.headers("Authorization", agent(u))));
                placed.add(Wrk.post("/api/v2/me", Wrk.headers("Authorization", agent(u), "Content-Type",
                        "application/json"), placeBody(place(u))));
            }
            expectLogin(send(plain.get(0)));
            expectLogin(send(placed.get(0)));
            if (n > 0) { // the claim sees the seeded sessions: another agent's place is refused
                Http.Response taken = Http.send("POST", base + "/api/v2/me", Map.of("Authorization", agent(1),
                        "Content-Type", "application/json"), placeBody("seed-place-" + (n - 1)));
                if (taken.status() != 409) {
                    throw new IllegalStateException("claiming the seeded place seed-place-" + (n - 1) + " answered "
                            + taken.status() + ", not 409: " + taken.body());
                }
            }
            Harness.Step reset = () -> clear(admin);
            int first = Math.min(h.warmup, FIRST_WARMUP);
            int second = Math.min(h.warmup, SECOND_WARMUP);
            // the first load of a life also warms the code both share: odd runs start without a place, even runs with
            boolean plainFirst = run % 2 == 1;
            reset.run();
            h.measure(p + (plainFirst ? "plain" : "place"), base, plainFirst ? plain : placed, Harness.LOGIN_CONNECTIONS,
                    first, reset);
            reset.run();
            h.measure(p + (plainFirst ? "place" : "plain"), base, plainFirst ? placed : plain, Harness.LOGIN_CONNECTIONS,
                    second, reset);
            reset.run();
            double ratio = results.get(p + "place.rps").getLast() / results.get(p + "plain.rps").getLast();
            Harness.log(String.format(Locale.ROOT, "  with a place / without: %.0f%%", ratio * 100));
            Thread.sleep(2000); // logins wrk sent before it stopped may still be hashing: let them land, then end them
            clear(admin);
            expectLogin(send(placed.get(0))); // bench-user-0: one live session, the admin list's subject
            String list = "/admin/api/v1/tenants/" + TENANT + "/sessions?username=" + Harness.user(0);
            JsonNode sessions = Http.send("GET", base + list, admin, null).expect(200).json();
            if (sessions.size() != 1) {
                throw new IllegalStateException("the admin list for " + Harness.user(0) + " holds " + sessions.size()
                        + " sessions, not 1");
            }
            probe(p + "metrics_ms", "/metrics", Map.of());
            probe(p + "admin_list_ms", list, admin);
            Harness.log(String.format(Locale.ROOT, "  GET /metrics median %.2f ms (p90 %.2f); admin list for one user "
                    + "median %.2f ms (p90 %.2f)", results.get(p + "metrics_ms").getLast(),
                    results.get(p + "metrics_ms_p90").getLast(), results.get(p + "admin_list_ms").getLast(),
                    results.get(p + "admin_list_ms_p90").getLast()));
            clear(admin);
        }
    }

    /**
     * Times {@link #PROBE_CALLS} sequential GETs (after {@link #PROBE_WARMUP} untimed ones), each on a fresh
     * loopback connection: median and p90, ms. Not keep-alive: on a kept-alive connection the server's
     * {@code /metrics} answer waits for a delayed ACK (a constant ~40 ms, see bench/analysis.md) that would
     * bury what the gauge itself costs.
     */
    private void probe(String metric, String path, Map<String, String> headers) throws Exception {
        for (int i = 0; i < PROBE_WARMUP; i++) {
            fresh(path, headers);
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < PROBE_CALLS; i++) {
            long t0 = System.nanoTime();
            fresh(path, headers);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        ms.sort(null);
        results.add(metric, Stats.of(ms).median());
        results.add(metric + "_p90", ms.get((int) Math.ceil(0.9 * ms.size()) - 1));
    }

    /** One GET over a fresh connection ({@code Connection: close}), read to the end; fails unless 200. */
    private static void fresh(String path, Map<String, String> headers) throws IOException {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress("127.0.0.1", Harness.FD_PORT), 2000);
            s.setSoTimeout(60_000);
            StringBuilder req = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                    .append(Harness.FD_PORT).append("\r\nConnection: close\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            OutputStream out = s.getOutputStream();
            out.write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = s.getInputStream().readAllBytes();
            String head = new String(answer, 0, Math.min(answer.length, 12), StandardCharsets.US_ASCII);
            if (!head.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("GET " + path + " answered " + head);
            }
        }
    }

    /** The value of {@code frontdesk_sessions_active} on {@code GET /metrics}. */
    private double gauge() throws Exception {
        String body = Http.send("GET", base + "/metrics", Map.of(), null).expect(200).body();
        Matcher m = GAUGE.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no frontdesk_sessions_active on /metrics");
        }
        return Double.parseDouble(m.group(1));
    }

    /** Ends every session of the harness's agents (admin API), so the tenant holds the seeded ones only. */
    private void clear(Map<String, String> admin) throws Exception {
        for (int u = 0; u < Harness.USERS; u++) {
            Http.send("DELETE", base + "/admin/api/v1/tenants/" + TENANT + "/sessions?username=" + Harness.user(u),
                    admin, null).expect(200);
        }
    }

    /** Bearer token of the helpdesk client (reads and ends sessions; no password hash per call). */
    private Map<String, String> adminHeaders() throws Exception {
        String token = Http.send("POST", base + "/oauth2/token", Map.of("Authorization",
                        Http.basic(ADMIN_CLIENT, ADMIN_CLIENT_SECRET), "Content-Type", "application/x-www-form-urlencoded"),
                "grant_type=client_credentials&scope=admin").expect(200).json().get("access_token").asString();
        return Map.of("Authorization", "Bearer " + token);
    }

    private Http.Response send(Wrk.Req req) throws Exception {
        return Http.send(req.method(), base + req.path(), req.headers(), req.body());
    }

    private static void expectLogin(Http.Response r) {
        r.expect(200);
        if (r.json().path("statusCode").asInt(-1) != 0) {
            throw new IllegalStateException("SRS login answered " + r.body());
        }
    }

    private static String agent(int u) {
        return Http.basic(Harness.user(u), Harness.USER_PASSWORD);
    }

    static String place(int u) {
        return "bench-place-" + u;
    }

    private static String placeBody(String place) {
        return Http.json(List.of(Map.of("name", "place", "value", place)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
