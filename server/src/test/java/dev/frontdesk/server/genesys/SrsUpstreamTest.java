package dev.frontdesk.server.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Upstream Web Services failover. Two more Frontdesk instances play the primary and the peer RWS
 * (Frontdesk answers {@code GET /api/v2/me} itself); small JDK HTTP servers play broken or foreign
 * servers and count what reaches them.
 */
class SrsUpstreamTest {
    private static final String UPSTREAM_PASSWORD = "Upstream-Secret-77";

    private static TestServer frontdesk;
    private static TestServer primary;
    private static TestServer peer;
    private static Srs srs;
    private final List<AutoCloseable> extras = new ArrayList<>();

    @BeforeAll
    static void start() {
        frontdesk = TestServer.start();
        primary = TestServer.start();
        peer = TestServer.start();
        srs = new Srs(frontdesk.baseUrl());
        for (TestServer rws : List.of(primary, peer)) {
            for (String user : List.of("uma", "una", "ute", "uwe", "ulf", "udo", "ugo", "ula", "uli", "ursa")) {
                createUpstreamAgent(rws, user);
            }
        }
    }

    @AfterAll
    static void stop() {
        frontdesk.close();
        primary.close();
        peer.close();
    }

    @AfterEach
    void closeExtras() throws Exception {
        for (AutoCloseable extra : extras) {
            extra.close();
        }
    }

    private static void createUpstreamAgent(TestServer rws, String user) {
        rws.admin().ok("POST", "/tenants/default/accounts", Map.of("username", user, "password", UPSTREAM_PASSWORD,
                "type", "agent", "firstName", "Uma", "lastName", "Upstream", "email", user + "@example.com"));
    }

    private void upstreams(String... servers) {
        frontdesk.admin().patchSettings("default", Map.of("upstreamServers", List.of(servers)));
    }

    private static HttpResponse<String> loginWith(String user, String configuration) {
        return srs.post("/api/v2/me", configuration, "Authorization", Http.basic(user, UPSTREAM_PASSWORD));
    }

    private JsonNode localAccount(String username) {
        return frontdesk.admin().ok("GET", "/tenants/default/accounts?username=" + username, null);
    }

    @Test
    void loginWhenPrimaryAcceptsThenLocalAgentCreatedFromUpstreamUser() {
        upstreams(primary.baseUrl(), peer.baseUrl());

        HttpResponse<String> response = loginWith("uma", "[]");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Srs.json(response).get("user").get("userName").asString()).isEqualTo("uma");
        assertThat(Srs.json(response).get("user").get("firstName").asString()).isEqualTo("Uma");
        JsonNode account = localAccount("uma").get(0);
        assertThat(account.get("type").asString()).isEqualTo("agent");
        assertThat(account.get("lastName").asString()).isEqualTo("Upstream");
        assertThat(account.get("email").asString()).isEqualTo("uma@example.com");
        assertThat(frontdesk.admin().sessions("default", "uma").get(0).get("channel").asString()).isEqualTo("srs");
    }

    @Test
    void loginWhenPrimaryStoppedThenPeerChecksTheCredentials() {
        TestServer stoppedPrimary = TestServer.start();
        createUpstreamAgent(stoppedPrimary, "una");
        upstreams(stoppedPrimary.baseUrl(), peer.baseUrl());
        assertThat(srs.login("una", UPSTREAM_PASSWORD).statusCode()).isEqualTo(200);
        stoppedPrimary.close();

        HttpResponse<String> response = srs.login("una", UPSTREAM_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Srs.json(response).get("user").get("userName").asString()).isEqualTo("una");
        assertThat(Srs.cookieValue(response)).isPresent();
    }

    @Test
    void loginWhenPrimaryAnswers5xxThenPeerChecksTheCredentials() {
        Recorder broken = recorder(503);
        upstreams(broken.url(), peer.baseUrl());

        HttpResponse<String> response = srs.login("ute", UPSTREAM_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(broken.requests()).isEqualTo(1);
    }

    @Test
    void loginWhenPrimaryNeverAnswersThenPeerAfterTheTimeout() throws IOException {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        extras.add(silent);
        upstreams("http://127.0.0.1:" + silent.getLocalPort(), peer.baseUrl());

        HttpResponse<String> response = srs.login("uwe", UPSTREAM_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void loginWhenUpstreamRejectsThenAccessDeniedAndPeerNotAsked() {
        Recorder spare = recorder(200);
        upstreams(primary.baseUrl(), spare.url());

        HttpResponse<String> response = srs.login("ulf", "Wrong-Password-1");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"statusCode\":20,\"statusMessage\":\"Access denied\"}");
        assertThat(spare.requests()).isZero();
        assertThat(localAccount("ulf").size()).isZero();
    }

    @Test
    void loginWhenNoUpstreamAnswersThenServiceUnavailable() throws IOException {
        upstreams("http://127.0.0.1:" + freePort(), "http://127.0.0.1:" + freePort());

        HttpResponse<String> response = srs.login("udo", UPSTREAM_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(Srs.json(response).get("statusCode").asInt()).isEqualTo(4);
        assertThat(Srs.setCookie(response)).isEmpty();
    }

    @Test
    void loginWhenClientNamesUnlistedServerThenNoCredentialsGoThere() {
        Recorder foreign = recorder(200);
        upstreams(primary.baseUrl(), peer.baseUrl());

        HttpResponse<String> response = loginWith("ugo", Json.write(List.of(
                Map.of("name", "server", "value", foreign.url()),
                Map.of("name", "peer_server", "value", foreign.url() + "/rws"))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(foreign.requests()).isZero();
    }

    @Test
    void loginWhenClientNamesListedPeerThenPeerAskedFirst() {
        Recorder listedPrimary = recorder(503);
        upstreams(listedPrimary.url(), peer.baseUrl());

        HttpResponse<String> response = loginWith("ula", Json.write(List.of(
                Map.of("name", "server", "value", peer.baseUrl() + "/"))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(listedPrimary.requests()).isZero();
    }

    @Test
    void loginWhenLocalPasswordDiffersThenUpstreamDecides() {
        frontdesk.admin().createAgent("uli", "Local-Password-55");
        upstreams(primary.baseUrl(), peer.baseUrl());

        HttpResponse<String> upstreamPassword = srs.login("uli", UPSTREAM_PASSWORD);
        HttpResponse<String> localPassword = srs.login("uli", "Local-Password-55");

        assertThat(upstreamPassword.statusCode()).isEqualTo(200);
        assertThat(localPassword.statusCode()).isEqualTo(401);
        assertThat(localAccount("uli").get(0).get("firstName").asString()).isEqualTo("Uma");
    }

    @Test
    void loginWhenLocalAccountDisabledThenRefusedThoughUpstreamAccepts() {
        String id = frontdesk.admin().createAgent("ursa", "Local-Password-55");
        frontdesk.admin().ok("PATCH", "/tenants/default/accounts/" + id, Map.of("enabled", false));
        upstreams(primary.baseUrl(), peer.baseUrl());

        HttpResponse<String> response = srs.login("ursa", UPSTREAM_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A JDK HTTP server that counts requests and answers every one with {@code status}. */
    private Recorder recorder(int status) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AtomicInteger count = new AtomicInteger();
            http.createContext("/", exchange -> {
                count.incrementAndGet();
                byte[] body = "{\"statusCode\":0,\"user\":{\"userName\":\"uma\"}}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.start();
            Recorder recorder = new Recorder(http, count);
            extras.add(recorder);
            return recorder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Recorder(HttpServer http, AtomicInteger count) implements AutoCloseable {
        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        int requests() {
            return count.get();
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
