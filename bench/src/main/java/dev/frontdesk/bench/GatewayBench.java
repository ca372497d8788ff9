package dev.frontdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code gateway} scenario (issue 17): wrk through one nginx to the echo API, on two routes of the
 * same nginx in the same run: unguarded (plain proxy) and guarded (auth_request to Frontdesk's
 * {@code /auth/verify}, the shipped docs/gateway/nginx.conf with its addresses replaced). Each guarded
 * request carries one of {@link Harness#LIVE_SESSIONS} native sessions in rotation. Also measured, for
 * reference: {@code /auth/verify} straight to Frontdesk.
 */
final class GatewayBench {
    static final int NGINX_PORT = 18480;
    static final int NGINX_PLAIN_PORT = 18481;
    static final int ECHO_PORT = 18490;
    static final int CONNECTIONS = 64;
    static final String API_PATH = "/ws/v12/interaction/42/attachment";

    private final Harness h;

    GatewayBench(Harness harness) {
        this.h = harness;
    }

    void run() throws Exception {
        List.of("gw.plain", "gw.guarded", "gw.verify").forEach(h.results::clearGroup);
        h.results.meta("gw", "started", Harness.now());
        h.results.meta("gw", "loadBefore", Harness.uptime());
        Path nginx = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(nginx)) {
            throw new IllegalStateException("nginx is missing: run bin/ensure-nginx");
        }
        for (int r = 0; r < h.runs; r++) {
            Harness.log("gateway run " + (r + 1) + "/" + h.runs);
            Path data = h.work.resolve("gw-data");
            Harness.deleteTree(data);
            String fd = "http://127.0.0.1:" + Harness.FD_PORT;
            try (Server server = h.startFrontdesk(data, h.work.resolve("logs/gateway-frontdesk-run" + (r + 1) + ".log"));
                 Server echo = Server.start("echo", List.of(h.javaHome + "/bin/java", "-XX:+UseSerialGC", "-Xmx128m",
                         "-cp", h.benchJar.toString(), "dev.frontdesk.bench.EchoUpstream", String.valueOf(ECHO_PORT)),
                         Map.of(), h.root, h.work.resolve("logs/gateway-echo.log"));
                 Server proxy = startNginx(nginx)) {
                server.awaitReady(Harness.FD_PORT, "/health/ready", 120);
                echo.awaitReady(ECHO_PORT, "/", 60);
                proxy.awaitReady(NGINX_PLAIN_PORT, "/", 60);
                Harness.FrontdeskSetup setup = h.new FrontdeskSetup(fd);
                setup.prepare();
                List<String> sessions = setup.sessions(Harness.LIVE_SESSIONS);
                int check = Server.status(NGINX_PORT, API_PATH);
                if (check != 401) {
                    throw new IllegalStateException("guarded route without a session answered " + check + ", not 401");
                }
                List<Wrk.Req> plain = new ArrayList<>();
                List<Wrk.Req> guarded = new ArrayList<>();
                List<Wrk.Req> verify = new ArrayList<>();
                for (String id : sessions) {
                    plain.add(Wrk.get(API_PATH, Wrk.headers("X-Session-Token", id)));
                    guarded.add(Wrk.get(API_PATH, Wrk.headers("X-Session-Token", id)));
                    verify.add(Wrk.get("/auth/verify", Wrk.headers("X-Session-Token", id, "X-Original-URI", API_PATH,
                            "X-Original-Method", "GET")));
                }
                h.measure("gw.plain", "http://127.0.0.1:" + NGINX_PLAIN_PORT, plain, CONNECTIONS);
                h.measure("gw.guarded", "http://127.0.0.1:" + NGINX_PORT, guarded, CONNECTIONS);
                h.measure("gw.verify", fd, verify, CONNECTIONS);
            }
            h.results.save();
        }
        h.results.meta("gw", "loadAfter", Harness.uptime());
        h.results.save();
    }

    /** nginx with the shipped configuration plus one unguarded server block, in a prefix directory of its own. */
    private Server startNginx(Path nginx) throws IOException {
        Path prefix = h.work.resolve("nginx");
        Harness.deleteTree(prefix);
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("tmp"));
        String conf = Files.readString(h.root.resolve("docs/gateway/nginx.conf"), StandardCharsets.UTF_8)
                .replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + Harness.FD_PORT + ";")
                .replace("server 127.0.0.1:9000;", "server 127.0.0.1:" + ECHO_PORT + ";")
                .replace("listen 127.0.0.1:8000;", "listen 127.0.0.1:" + NGINX_PORT + ";");
        int end = conf.lastIndexOf('}');
        conf = conf.substring(0, end) + """
                    # unguarded route for comparison (bench only)
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_pass http://api;
                        }
                    }
                }
                """.formatted(NGINX_PLAIN_PORT);
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        return Server.start("nginx", List.of(nginx.toString(), "-p", prefix + "/", "-c", file.toString(), "-e",
                prefix.resolve("logs/error.log").toString(), "-g", "daemon off;"), Map.of(), h.root,
                h.work.resolve("logs/gateway-nginx.log"));
    }
}
