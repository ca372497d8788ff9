package dev.frontdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code bench/run [--quick] [--runs N] [scenario...]}: measures Frontdesk and Keycloak one at a time on
 * this machine and writes BENCHMARKS.md. Scenarios: login, validate, token, startup (Frontdesk, all in
 * the same server life cycle per run), multinode (PostgreSQL + Redis, one and three nodes), memory,
 * keycloak, jmh, gateway (nginx auth_request, see {@link GatewayBench}), places (SRS hot seating at 0, 10,000
 * and 100,000 tenant sessions, see {@link PlacesBench}). With no scenario, all of them.
 */
public final class Harness {
    static final List<String> ALL = List.of("login", "validate", "token", "startup", "multinode", "memory", "keycloak",
            "jmh", "gateway", "places");
    static final String KEYCLOAK_VERSION = "26.7.3";
    static final String ADMIN_PASSWORD = "bench-admin-password-1";
    static final String USER_PASSWORD = "Bench-Passw0rd-7fq2!x";
    static final String CLIENT_ID = "bench-client";
    static final String CLIENT_SECRET = "bench-client-secret-5b8e0c2a9f";
    static final int USERS = 16;
    static final int LIVE_SESSIONS = 64;
    static final int FD_PORT = 18181;
    static final int KC_PORT = 18280;
    static final int KC_MGMT_PORT = 19280;
    static final int LOGIN_CONNECTIONS = 8;
    static final int VALIDATE_CONNECTIONS = 64;
    static final int TOKEN_CONNECTIONS = 16;
    static final int RESTORE_SESSIONS = 100_000;
    static final int RESTORE_TOKENS = 100_000;

    final Path root;
    final Path work;
    final Path frontdeskJar;
    final Path benchJar;
    final String javaHome;
    final List<String> javaOpts;
    final boolean quick;
    final int runs;
    final int seconds;
    final int warmup;
    final Set<String> scenarios;
    final Results results;
    final Wrk wrk;
    final Path resultsFile;
    final Path report;
    boolean profile;
    boolean reportOnly;

    Harness(Path root, boolean quick, int runs, int secondsOverride, Set<String> scenarios) throws IOException,
            InterruptedException {
        this.root = root;
        this.work = root.resolve("bench/work");
        this.frontdeskJar = root.resolve("server/target/frontdesk.jar");
        this.benchJar = root.resolve("bench/target/bench.jar");
        this.javaHome = System.getProperty("java.home");
        this.quick = quick;
        this.runs = runs;
        this.seconds = secondsOverride > 0 ? secondsOverride : quick ? 3 : 20;
        this.warmup = quick ? 2 : 8;
        this.scenarios = scenarios;
        Files.createDirectories(work.resolve("logs"));
        this.javaOpts = frontdeskJavaOpts();
        this.resultsFile = quick ? work.resolve("results-quick.json") : root.resolve("bench/results.json");
        this.report = quick ? work.resolve("BENCHMARKS-quick.md") : root.resolve("BENCHMARKS.md");
        this.results = Results.load(resultsFile);
        this.wrk = new Wrk(work);
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean profile = false;
        boolean reportOnly = false;
        int runs = 3;
        int seconds = 0;
        Path root = Path.of("").toAbsolutePath();
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--profile" -> profile = true;
                case "--report" -> reportOnly = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath();
                default -> {
                    if (!ALL.contains(args[i])) {
                        System.err.println("unknown scenario " + args[i] + "; choose from " + ALL);
                        System.exit(2);
                    }
                    chosen.add(args[i]);
                }
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(ALL);
        }
        if (quick && runs == 3) {
            runs = 1;
        }
        Harness h = new Harness(root, quick, runs, seconds, chosen);
        h.profile = profile;
        h.reportOnly = reportOnly;
        h.run();
    }

    void run() throws Exception {
        if (reportOnly) { // re-render BENCHMARKS.md from bench/results.json and bench/analysis.md
            writeReport();
            log("wrote " + report);
            return;
        }
        log("scenarios " + scenarios + ", " + runs + " run(s), " + seconds + " s per measurement after " + warmup
                + " s warm-up; JVM flags of bin/frontdesk: " + String.join(" ", javaOpts));
        machine();
        if (scenarios.stream().anyMatch(s -> Set.of("login", "validate", "token", "startup").contains(s))) {
            frontdesk();
            writeReport();
        }
        if (scenarios.contains("multinode")) {
            new MultiNode(this).run();
            writeReport();
        }
        if (scenarios.contains("keycloak")) {
            keycloak();
            writeReport();
        }
        if (scenarios.contains("gateway")) {
            new GatewayBench(this).run();
            writeReport();
        }
        if (scenarios.contains("places")) {
            new PlacesBench(this).run();
            writeReport();
        }
        if (scenarios.contains("memory")) {
            memory();
            writeReport();
        }
        if (scenarios.contains("jmh")) {
            jmh();
            writeReport();
        }
        writeReport();
        log("wrote " + report);
    }

    // ---------------------------------------------------------------- Frontdesk

    void frontdesk() throws Exception {
        // a rerun replaces the figures of the scenarios it runs; start-up and RSS are measured in every one
        boolean all = scenarios.containsAll(List.of("login", "validate", "token"));
        List<String> cleared = new ArrayList<>(List.of("fd.startup", "fd.rss"));
        if (scenarios.contains("login")) {
            cleared.addAll(List.of("fd.login", "hash"));
        }
        if (scenarios.contains("validate")) {
            cleared.addAll(List.of("fd.bare", "fd.session", "fd.introspect"));
        }
        if (scenarios.contains("token")) {
            cleared.add("fd.token");
        }
        cleared.forEach(results::clearGroup);
        String what = all ? "" : " (" + String.join(", ", scenarios.stream().filter(s -> !s.equals("memory") && !s.equals("multinode")
                && !s.equals("keycloak") && !s.equals("jmh")).toList()) + ")";
        results.meta("fd", "started", all || results.meta("fd", "started").isEmpty() ? now() + what
                : results.meta("fd", "started") + "; " + now() + what);
        results.meta("fd", "loadBefore", all || results.meta("fd", "loadBefore").isEmpty() ? uptime()
                : results.meta("fd", "loadBefore") + "; " + uptime());
        results.meta("fd", "javaOpts", String.join(" ", javaOpts));
        aotTraining();
        for (int r = 0; r < runs; r++) {
            log("Frontdesk run " + (r + 1) + "/" + runs);
            hashTimer();
            Path data = work.resolve("fd-data");
            deleteTree(data);
            Path logFile = work.resolve("logs/frontdesk-run" + (r + 1) + ".log");
            String base = "http://127.0.0.1:" + FD_PORT;
            try (Server server = startFrontdesk(data, logFile)) {
                results.add("fd.startup.fresh_ms", server.awaitReady(FD_PORT, "/health/ready", 120));
                Thread.sleep(3000);
                results.add("fd.rss.idle_mb", server.rssMiB());
                FrontdeskSetup setup = new FrontdeskSetup(base);
                setup.prepare();
                if (scenarios.contains("login")) {
                    List<Wrk.Req> logins = new ArrayList<>();
                    for (int u = 0; u < USERS; u++) {
                        logins.add(Wrk.post("/api/v1/login", Wrk.headers("Content-Type", "application/json"),
                                Http.json(Map.of("username", user(u), "password", USER_PASSWORD, "force", true))));
                    }
                    measure("fd.login", base, logins, LOGIN_CONNECTIONS);
                    results.add("fd.rss.after_login_mb", server.rssMiB());
                }
                if (scenarios.contains("validate")) {
                    List<String> sessions = setup.sessions(LIVE_SESSIONS);
                    String token = setup.token();
                    setup.checkValidate(sessions.get(0), token);
                    measure("fd.bare", base, List.of(Wrk.get("/health/live", Map.of())), VALIDATE_CONNECTIONS);
                    List<Wrk.Req> checks = new ArrayList<>();
                    List<Wrk.Req> introspections = new ArrayList<>();
                    for (String id : sessions) {
                        checks.add(Wrk.get("/api/v1/session", Wrk.headers("X-Session-Token", id)));
                        introspections.add(Wrk.post("/api/v1/introspect", Wrk.headers("Authorization",
                                "Bearer " + token, "Content-Type", "application/json"), Http.json(Map.of("session", id))));
                    }
                    measure("fd.session", base, checks, VALIDATE_CONNECTIONS);
                    measure("fd.introspect", base, introspections, VALIDATE_CONNECTIONS);
                }
                if (scenarios.contains("token")) {
                    measure("fd.token", base, List.of(Wrk.post("/oauth2/token", Wrk.headers("Authorization",
                            Http.basic(CLIENT_ID, CLIENT_SECRET), "Content-Type", "application/x-www-form-urlencoded"),
                            "grant_type=client_credentials")), TOKEN_CONNECTIONS);
                }
                results.add("fd.rss.after_all_mb", server.rssMiB());
            }
            try (Server again = startFrontdesk(data, work.resolve("logs/frontdesk-run" + (r + 1) + "-restart.log"))) {
                results.add("fd.startup.restart_ms", again.awaitReady(FD_PORT, "/health/ready", 120));
                Thread.sleep(3000);
                results.add("fd.rss.restart_idle_mb", again.rssMiB());
            }
            if (scenarios.contains("startup")) {
                restartLoaded(r + 1);
            }
            results.save();
        }
        results.meta("fd", "loadAfter", all || results.meta("fd", "loadAfter").isEmpty() ? uptime()
                : results.meta("fd", "loadAfter") + "; " + uptime());
        results.save();
    }

    /**
     * Restart with {@link #RESTORE_SESSIONS} live sessions and {@link #RESTORE_TOKENS} tokens and nothing else:
     * a fresh data directory gets the harness's settings and client from a first start, {@link RestoreSeed}
     * fills it in process while no server runs, then the server is started on it and timed to ready.
     */
    void restartLoaded(int run) throws Exception {
        Path data = work.resolve("fd-data-restore");
        deleteTree(data);
        try (Server first = startFrontdesk(data, work.resolve("logs/frontdesk-run" + run + "-restore-setup.log"))) {
            first.awaitReady(FD_PORT, "/health/ready", 120);
            new FrontdeskSetup("http://127.0.0.1:" + FD_PORT).prepare();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome + "/bin/java");
        cmd.addAll(javaOpts);
        cmd.addAll(List.of("-Xmx1g", "-cp", benchJar + ":" + frontdeskJar, "dev.frontdesk.bench.RestoreSeed",
                data.toString(), String.valueOf(quick ? 10_000 : RESTORE_SESSIONS),
                String.valueOf(quick ? 10_000 : RESTORE_TOKENS)));
        log("  " + exec(cmd, 1200).lines().filter(l -> l.startsWith("SEED")).findFirst().orElse("SEED ?"));
        try (Server loaded = startFrontdesk(data, work.resolve("logs/frontdesk-run" + run + "-restart-loaded.log"))) {
            double ms = loaded.awaitReady(FD_PORT, "/health/ready", 120);
            results.add("fd.startup.restart_loaded_ms", ms);
            Thread.sleep(3000);
            results.add("fd.rss.restart_loaded_idle_mb", loaded.rssMiB());
            log(String.format(Locale.ROOT, "  restart with the seeded sessions and tokens: ready in %.0f ms", ms));
        }
        deleteTree(data);
    }

    /**
     * On JDK 25+, bin/frontdesk's first start after a build records the AOT cache (written when that server
     * stops). That start is a training run, like Keycloak's first start: done here, exercised, not measured.
     */
    void aotTraining() throws Exception {
        Path cache = root.resolve("server/target/frontdesk.aot");
        if (Runtime.version().feature() < 25 || (Files.exists(cache)
                && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(frontdeskJar)) > 0)) {
            return;
        }
        log("Frontdesk training start (bin/frontdesk records its AOT cache; not measured)");
        Path data = work.resolve("fd-training");
        deleteTree(data);
        String base = "http://127.0.0.1:" + FD_PORT;
        try (Server server = startFrontdesk(data, work.resolve("logs/frontdesk-training.log"))) {
            server.awaitReady(FD_PORT, "/health/ready", 120);
            FrontdeskSetup setup = new FrontdeskSetup(base);
            setup.prepare();
            setup.checkValidate(setup.login(1), setup.token());
        }
        deleteTree(data);
        if (!Files.exists(cache)) {
            log("  WARNING: no AOT cache was written");
        }
    }

    Server startFrontdesk(Path data, Path logFile) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FRONTDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_HOME", javaHome);
        if (profile) { // JFR with the "profile" settings (sampling every 10-20 ms, allocation samples)
            Path jfr = work.resolve("profile/" + logFile.getFileName().toString().replace(".log", ".jfr"));
            Files.createDirectories(jfr.getParent());
            env.put("FRONTDESK_JAVA_OPTS", "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        return Server.start("frontdesk", List.of(root.resolve("bin/frontdesk").toString(), "serve", "--host",
                "127.0.0.1", "--port", String.valueOf(FD_PORT), "--data-dir", data.toString()), env, root, logFile);
    }

    void hashTimer() throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome + "/bin/java");
        cmd.addAll(javaOpts);
        cmd.addAll(List.of("-cp", benchJar + ":" + frontdeskJar, "dev.frontdesk.bench.HashTimer",
                quick ? "5" : "15", quick ? "10" : "40"));
        String out = exec(cmd, 600);
        Matcher m = Pattern.compile("HASH single_ms=([0-9.]+) parallel_per_s=([0-9.]+) threads=(\\d+) "
                + "alloc_bytes=(\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("hash timer failed:\n" + out);
        }
        double ms = Double.parseDouble(m.group(1));
        int cores = Runtime.getRuntime().availableProcessors();
        results.add("hash.single_ms", ms);
        results.add("hash.ceiling_per_s", cores * 1000.0 / ms);
        results.add("hash.parallel_per_s", Double.parseDouble(m.group(2)));
        results.add("hash.alloc_bytes", Double.parseDouble(m.group(4)));
        log(String.format(Locale.ROOT, "  server hasher: one hash %.1f ms -> cores / one hash %.1f/s on %d cores; "
                + "one per core in parallel %.1f/s", ms, cores * 1000.0 / ms, cores, Double.parseDouble(m.group(2))));
        Matcher s = Pattern.compile("SPRING single_ms=([0-9.]+) parallel_per_s=([0-9.]+) alloc_bytes=(\\d+)")
                .matcher(out);
        if (s.find()) {
            results.add("hash.spring_single_ms", Double.parseDouble(s.group(1)));
            results.add("hash.spring_parallel_per_s", Double.parseDouble(s.group(2)));
            results.add("hash.alloc_spring_bytes", Double.parseDouble(s.group(3)));
        }
    }

    /** Something to do between steps of a measurement (e.g. reset state after the warm-up). */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    void measure(String metric, String base, List<Wrk.Req> requests, int connections) throws Exception {
        measure(metric, base, requests, connections, warmup, () -> {
        });
    }

    /** wrk for {@code warmupSeconds} (not recorded), then {@code afterWarmup}, then the measured run. */
    void measure(String metric, String base, List<Wrk.Req> requests, int connections, int warmupSeconds,
                 Step afterWarmup) throws Exception {
        String name = metric.replace('.', '-');
        wrk.run(name + "-warmup", base, requests, connections, warmupSeconds);
        afterWarmup.run();
        Wrk.Result r = wrk.run(name, base, requests, connections, seconds);
        results.add(metric + ".rps", r.rate());
        results.add(metric + ".p50_ms", r.p50Ms());
        results.add(metric + ".p90_ms", r.p90Ms());
        results.add(metric + ".p99_ms", r.p99Ms());
        results.add(metric + ".max_ms", r.maxMs());
        results.add(metric + ".errors", (double) r.errors());
        log(String.format(Locale.ROOT, "  %-16s %10.1f req/s  p50 %.2f ms  p99 %.2f ms  errors %d", metric, r.rate(),
                r.p50Ms(), r.p99Ms(), r.errors()));
        if (r.errors() > 0) {
            log("  WARNING: " + r.errors() + " failed requests in " + metric);
        }
    }

    static String user(int u) {
        return "bench-user-" + u;
    }

    /** Accounts, client and settings on a fresh Frontdesk, through the admin API. */
    final class FrontdeskSetup {
        final String base;
        final Map<String, String> admin;

        FrontdeskSetup(String base) {
            this.base = base;
            this.admin = Map.of("Authorization", Http.basic("admin", ADMIN_PASSWORD), "Content-Type",
                    "application/json");
        }

        void prepare() throws Exception {
            Http.send("PATCH", base + "/admin/api/v1/tenants/default/settings", admin,
                    Http.json(Map.of("maxSessionsPerAccount", 1_000_000, "maxTokensPerClient", 1_000_000))).expect(200);
            for (int u = 0; u < USERS; u++) {
                Http.send("POST", base + "/admin/api/v1/tenants/default/accounts", admin, Http.json(Map.of(
                        "username", user(u), "password", USER_PASSWORD, "type", "agent"))).expect(201);
            }
            Http.send("POST", base + "/admin/api/v1/tenants/default/clients", admin,
                    Http.json(Map.of("clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET))).expect(201);
            login(0);
        }

        String login(int u) throws Exception {
            return Http.send("POST", base + "/api/v1/login", Map.of("Content-Type", "application/json"),
                    Http.json(Map.of("username", user(u % USERS), "password", USER_PASSWORD, "force", true)))
                    .expect(201).json().get("session").asString();
        }

        List<String> sessions(int n) throws Exception {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(login(i));
            }
            return ids;
        }

        String token() throws Exception {
            return Http.send("POST", base + "/oauth2/token", Map.of("Authorization", Http.basic(CLIENT_ID, CLIENT_SECRET),
                            "Content-Type", "application/x-www-form-urlencoded"), "grant_type=client_credentials")
                    .expect(200).json().get("access_token").asString();
        }

        void checkValidate(String session, String token) throws Exception {
            Http.send("GET", base + "/api/v1/session", Map.of("X-Session-Token", session), null).expect(200);
            JsonNode in = Http.send("POST", base + "/api/v1/introspect", Map.of("Authorization", "Bearer " + token,
                    "Content-Type", "application/json"), Http.json(Map.of("session", session))).expect(200).json();
            if (!in.path("active").asBoolean()) {
                throw new IllegalStateException("introspection says inactive: " + in);
            }
        }
    }

    // ---------------------------------------------------------------- Keycloak

    void keycloak() throws Exception {
        Path home = work.resolve("keycloak-" + KEYCLOAK_VERSION);
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + " is missing: bench/run downloads and unpacks it");
        }
        results.clearGroup("kc");
        results.meta("kc", "started", now());
        results.meta("kc", "loadBefore", uptime());
        String base = "http://127.0.0.1:" + KC_PORT;
        if (!Files.exists(home.resolve("data/h2"))) {
            log("Keycloak first start (build and database creation; takes over a minute)");
            try (Server first = startKeycloak(home, work.resolve("logs/keycloak-first.log"))) {
                results.meta("kc", "firstStartMs", String.format(Locale.ROOT, "%.0f",
                        first.awaitReady(KC_MGMT_PORT, "/health/ready", 600)));
                new KeycloakSetup(base).prepare();
            }
        }
        for (int r = 0; r < runs; r++) {
            log("Keycloak run " + (r + 1) + "/" + runs);
            try (Server server = startKeycloak(home, work.resolve("logs/keycloak-run" + (r + 1) + ".log"))) {
                results.add("kc.startup_ms", server.awaitReady(KC_MGMT_PORT, "/health/ready", 600));
                Thread.sleep(3000);
                results.add("kc.rss.idle_mb", server.rssMiB());
                KeycloakSetup setup = new KeycloakSetup(base);
                setup.prepare();
                String tokenPath = "/realms/bench/protocol/openid-connect/token";
                Map<String, String> clientAuth = Wrk.headers("Authorization", Http.basic(CLIENT_ID, CLIENT_SECRET),
                        "Content-Type", "application/x-www-form-urlencoded");
                List<Wrk.Req> logins = new ArrayList<>();
                for (int u = 0; u < USERS; u++) {
                    logins.add(Wrk.post(tokenPath, clientAuth, Http.form(Map.of("grant_type", "password",
                            "username", user(u), "password", USER_PASSWORD))));
                }
                measure("kc.login", base, logins, LOGIN_CONNECTIONS);
                results.add("kc.rss.after_login_mb", server.rssMiB());
                List<Wrk.Req> introspections = new ArrayList<>();
                for (String token : setup.accessTokens(LIVE_SESSIONS)) {
                    introspections.add(Wrk.post(tokenPath + "/introspect", clientAuth, Http.form(Map.of("token", token))));
                }
                measure("kc.introspect", base, introspections, VALIDATE_CONNECTIONS);
                measure("kc.token", base, List.of(Wrk.post(tokenPath, clientAuth, "grant_type=client_credentials")),
                        TOKEN_CONNECTIONS);
                results.add("kc.rss.after_all_mb", server.rssMiB());
            }
            results.save();
        }
        results.meta("kc", "loadAfter", uptime());
        results.save();
    }

    Server startKeycloak(Path home, Path logFile) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", javaHome);
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return Server.start("keycloak", List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + KC_PORT, "--http-management-port=" + KC_MGMT_PORT,
                "--health-enabled=true",
                "--spi-password-hashing--argon2--memory=19456", "--spi-password-hashing--argon2--iterations=2"),
                env, home, logFile);
    }

    /** Realm "bench" with Argon2id m=19456 t=2 p=1, users, and a confidential client with an audience mapper. */
    final class KeycloakSetup {
        final String base;

        KeycloakSetup(String base) {
            this.base = base;
        }

        String adminToken() throws Exception {
            return Http.send("POST", base + "/realms/master/protocol/openid-connect/token",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"), Http.form(Map.of("grant_type", "password",
                            "client_id", "admin-cli", "username", "admin", "password", ADMIN_PASSWORD)))
                    .expect(200).json().get("access_token").asString();
        }

        void prepare() throws Exception {
            Map<String, String> admin = Map.of("Authorization", "Bearer " + adminToken(), "Content-Type",
                    "application/json");
            if (Http.send("GET", base + "/admin/realms/bench", admin, null).status() == 200) {
                return;
            }
            Http.send("POST", base + "/admin/realms", admin, Http.json(Map.of("realm", "bench", "enabled", true,
                    "sslRequired", "none", "accessTokenLifespan", 7200,
                    "passwordPolicy", "hashAlgorithm(argon2) and hashIterations(2)"))).expect(201);
            Map<String, Object> audience = Map.of("name", "bench-audience", "protocol", "openid-connect",
                    "protocolMapper", "oidc-audience-mapper", "config", Map.of("included.client.audience", CLIENT_ID,
                            "access.token.claim", "true", "introspection.token.claim", "true"));
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("clientId", CLIENT_ID);
            client.put("secret", CLIENT_SECRET);
            client.put("enabled", true);
            client.put("publicClient", false);
            client.put("clientAuthenticatorType", "client-secret");
            client.put("standardFlowEnabled", false);
            client.put("directAccessGrantsEnabled", true);
            client.put("serviceAccountsEnabled", true);
            client.put("protocolMappers", List.of(audience));
            Http.send("POST", base + "/admin/realms/bench/clients", admin, Http.json(client)).expect(201);
            for (int u = 0; u < USERS; u++) {
                Map<String, Object> user = new LinkedHashMap<>();
                user.put("username", user(u));
                user.put("enabled", true);
                user.put("email", user(u) + "@bench.invalid");
                user.put("emailVerified", true);
                user.put("firstName", "Bench");
                user.put("lastName", "User" + u);
                user.put("credentials", List.of(Map.of("type", "password", "value", USER_PASSWORD, "temporary", false)));
                Http.send("POST", base + "/admin/realms/bench/users", admin, Http.json(user)).expect(201);
            }
            JsonNode users = Http.send("GET", base + "/admin/realms/bench/users?username=" + user(0) + "&exact=true",
                    admin, null).expect(200).json();
            String id = users.get(0).get("id").asString();
            JsonNode credentials = Http.send("GET", base + "/admin/realms/bench/users/" + id + "/credentials", admin,
                    null).expect(200).json();
            String data = credentials.get(0).path("credentialData").asString();
            results.meta("kc", "credentialData", data);
            log("  Keycloak credential parameters: " + data);
            if (!data.contains("argon2") || !data.contains("\"hashIterations\":2") || !data.contains("19456")) {
                throw new IllegalStateException("Keycloak does not hash with Argon2id m=19456 t=2: " + data);
            }
        }

        List<String> accessTokens(int n) throws Exception {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tokens.add(Http.send("POST", base + "/realms/bench/protocol/openid-connect/token",
                        Map.of("Authorization", Http.basic(CLIENT_ID, CLIENT_SECRET), "Content-Type",
                                "application/x-www-form-urlencoded"), Http.form(Map.of("grant_type", "password",
                                "username", user(i % USERS), "password", USER_PASSWORD)))
                        .expect(200).json().get("access_token").asString());
            }
            JsonNode in = Http.send("POST", base + "/realms/bench/protocol/openid-connect/token/introspect",
                    Map.of("Authorization", Http.basic(CLIENT_ID, CLIENT_SECRET), "Content-Type",
                            "application/x-www-form-urlencoded"), Http.form(Map.of("token", tokens.get(0))))
                    .expect(200).json();
            if (!in.path("active").asBoolean()) {
                throw new IllegalStateException("Keycloak introspection says inactive: " + in);
            }
            return tokens;
        }
    }

    // ---------------------------------------------------------------- memory, JMH

    void memory() throws Exception {
        results.clearGroup("mem");
        results.meta("mem", "started", now());
        results.meta("mem", "loadBefore", uptime());
        int[] counts = quick ? new int[] {20_000, 100_000} : new int[] {100_000, 1_000_000};
        results.meta("mem", "counts", Arrays.toString(counts));
        for (int r = 0; r < runs; r++) {
            for (int count : counts) {
                Path data = work.resolve("mem-data");
                deleteTree(data);
                List<String> cmd = new ArrayList<>();
                cmd.add(javaHome + "/bin/java");
                cmd.addAll(javaOpts);
                cmd.add("-Xmx6g");
                cmd.addAll(List.of("-cp", benchJar + ":" + frontdeskJar, "dev.frontdesk.bench.SessionMemory",
                        String.valueOf(count), data.toString(), "2"));
                String out = exec(cmd, 1800);
                Matcher m = Pattern.compile("MEM sessions=(\\d+) bytes_per_session=([0-9.]+).*opens_per_s=([0-9.]+)")
                        .matcher(out);
                if (!m.find()) {
                    throw new IllegalStateException("session memory probe failed:\n" + out);
                }
                results.add("mem." + count + ".bytes", Double.parseDouble(m.group(2)));
                results.add("mem." + count + ".opens_per_s", Double.parseDouble(m.group(3)));
                log(String.format(Locale.ROOT, "  %,d sessions: %s bytes of heap each", count, m.group(2)));
                deleteTree(data);
            }
            results.save();
        }
        results.meta("mem", "loadAfter", uptime());
        results.save();
    }

    void jmh() throws Exception {
        results.clearGroup("jmh");
        results.meta("jmh", "started", now());
        results.meta("jmh", "loadBefore", uptime());
        Path json = work.resolve("jmh.json");
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome + "/bin/java");
        cmd.addAll(javaOpts);
        cmd.addAll(List.of("-cp", benchJar + ":" + frontdeskJar, "org.openjdk.jmh.Main", "SessionEngineBenchmark",
                "-rf", "json", "-rff", json.toString(), "-f", String.valueOf(runs)));
        if (quick) {
            cmd.addAll(List.of("-wi", "1", "-i", "1", "-w", "1s", "-r", "1s"));
        }
        String out = exec(cmd, 3600);
        Files.writeString(work.resolve("logs/jmh.log"), out);
        JsonNode all = Http.JSON.readTree(Files.readString(json));
        for (JsonNode b : all) {
            String name = b.get("benchmark").asString();
            name = name.substring(name.lastIndexOf('.') + 1);
            for (JsonNode fork : b.path("primaryMetric").path("rawData")) {
                double sum = 0;
                int n = 0;
                for (JsonNode v : fork) {
                    sum += v.asDouble();
                    n++;
                }
                results.add("jmh." + name + ".ops", sum / n);
            }
            log("  jmh " + name + ": " + results.stats("jmh." + name + ".ops").show() + " ops/s");
        }
        results.meta("jmh", "loadAfter", uptime());
        results.save();
    }

    // ---------------------------------------------------------------- report

    void machine() throws Exception {
        results.meta("machine", "cpu", exec(List.of("sh", "-c",
                "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"), 10).trim());
        results.meta("machine", "cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        results.meta("machine", "memory", exec(List.of("sh", "-c", "free -h | awk '/Mem:/{print $2}'"), 10).trim());
        results.meta("machine", "kernel", exec(List.of("uname", "-sr"), 10).trim());
        results.meta("machine", "os", exec(List.of("sh", "-c", ". /etc/os-release; echo $PRETTY_NAME"), 10).trim());
        results.meta("machine", "java", System.getProperty("java.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        results.meta("machine", "wrk", exec(List.of("sh", "-c", "wrk -v 2>&1 | head -1"), 10).trim());
        results.meta("machine", "frontdesk", exec(List.of("git", "-C", root.toString(), "describe", "--always",
                "--dirty"), 10).trim() + " (" + exec(List.of("git", "-C", root.toString(), "rev-parse", "--abbrev-ref",
                "HEAD"), 10).trim() + ")");
        results.meta("machine", "keycloak", KEYCLOAK_VERSION + " (keycloak-quarkus-dist, start-dev, dev-file H2)");
        if (results.meta("fd", "javaOpts").isEmpty()) { // every scenario that starts Frontdesk uses these flags
            results.meta("fd", "javaOpts", String.join(" ", javaOpts));
        }
    }

    void writeReport() throws IOException {
        Path analysis = root.resolve("bench/analysis.md");
        Files.writeString(report, new Report(results, runs, seconds, warmup, quick,
                Files.exists(analysis) ? Files.readString(analysis) : null).render(), StandardCharsets.UTF_8);
        results.save();
    }

    // ---------------------------------------------------------------- helpers

    List<String> frontdeskJavaOpts() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("bin/frontdesk").toString(), "--print-java-opts");
        pb.environment().put("JAVA_HOME", javaHome);
        String out = exec(pb, 60).trim();
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\s+"));
    }

    String exec(List<String> cmd, long timeoutSeconds) throws IOException, InterruptedException {
        return exec(new ProcessBuilder(cmd), timeoutSeconds);
    }

    String exec(ProcessBuilder pb, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "exec", ".out");
        try {
            Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + pb.command());
            }
            String text = Files.readString(out);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("failed (" + p.exitValue() + "): " + pb.command() + "\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    static String now() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static void log(String message) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
