package dev.frontdesk.server.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.MutableClock;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, point 3: a Genesys agent-desktop widget written for Workspace Web Services against SRS:
 * {@code StartContactCenterSession}, a desktop that never pings ({@code srsPingRequired: false}), and
 * CORS preflights of {@code /api/v2/*} paths Frontdesk does not serve. Time is the server's clock,
 * advanced by the test.
 */
class SrsGwsDesktopTest {
    private static final String DESKTOP = "http://desktop.example.com:8090";
    private static final String START = "{\"operationName\":\"StartContactCenterSession\",\"channels\":[\"voice\"],"
            + "\"place\":\"Place_7001\",\"devices\":[{\"dn\":\"7001\",\"switch\":\"SIP_Switch\"}]}";

    private MutableClock clock;
    private TestServer server;
    private Srs srs;

    @BeforeEach
    void start() {
        clock = MutableClock.startingNow();
        server = TestServer.start(clock, List.of());
        srs = new Srs(server.baseUrl());
        server.admin().createAgent("alice", Srs.PASSWORD);
        server.admin().createAgent("bob", Srs.PASSWORD);
        server.admin().patchSettings("default", Map.of("corsAllowedOrigins", List.of(DESKTOP)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonNode attributes(TestServer server, String user) {
        return server.admin().sessions("default", user).get(0).get("attributes");
    }

    @Test
    void startContactCenterSessionWhenCookieSessionThenPlaceAndDevicesSetAndStatusOk() {
        String session = srs.session("alice");

        HttpResponse<String> response = srs.post("/api/v2/me", START, "Cookie", Srs.cookie(session));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Srs.json(response).get("statusCode").asInt()).isZero();
        JsonNode attributes = attributes(server, "alice");
        assertThat(attributes.get("place").asString()).isEqualTo("Place_7001");
        assertThat(Json.MAPPER.readTree(attributes.get("devices").asString()).get(0).get("dn").asString())
                .isEqualTo("7001");
    }

    @Test
    void startContactCenterSessionWhenBasicThenLogsInWithPlaceAndAnotherAgentGets409() {
        HttpResponse<String> alice = srs.post("/api/v2/me", START, "Authorization", Srs.basic("alice"));
        HttpResponse<String> bob = srs.post("/api/v2/me", START, "Authorization", Srs.basic("bob"));

        assertThat(alice.statusCode()).isEqualTo(200);
        assertThat(Srs.cookieValue(alice)).isPresent();
        assertThat(attributes(server, "alice").get("place").asString()).isEqualTo("Place_7001");
        assertThat(bob.statusCode()).isEqualTo(409);
        assertThat(server.admin().sessions("default", "bob").size()).isZero();
    }

    @Test
    void startContactCenterSessionWhenNoPlaceThenAcceptedWithoutSeat() {
        String session = srs.session("alice");

        HttpResponse<String> response = srs.post("/api/v2/me", "{\"operationName\":\"StartContactCenterSession\"}",
                "Cookie", Srs.cookie(session));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(attributes(server, "alice").has("place")).isFalse();
    }

    @Test
    void startContactCenterSessionWhenPlaceIsNotTextThen400() {
        String session = srs.session("alice");

        HttpResponse<String> response = srs.post("/api/v2/me",
                "{\"operationName\":\"StartContactCenterSession\",\"place\":7}", "Cookie", Srs.cookie(session));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void idleDesktopWhenPingNotRequiredThenSessionOutlivesThePingTimeoutAndLogoutWorks() {
        server.admin().patchSettings("default", Map.of("srsPingRequired", false));
        String session = srs.session("alice", "Origin", DESKTOP);
        srs.post("/api/v2/me", START, "Cookie", Srs.cookie(session), "Origin", DESKTOP);

        clock.advance(Duration.ofMinutes(10));
        HttpResponse<String> logout = srs.post("/api/v2/me", Srs.LOGOUT, "Cookie", Srs.cookie(session),
                "Origin", DESKTOP);

        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
        assertThat(server.admin().sessions("default", "alice").size()).isZero();
    }

    @Test
    void idleDesktopWhenPingRequiredAsByDefaultThenSessionEndsAfterThePingTimeout() {
        String session = srs.session("alice");

        clock.advance(Duration.ofSeconds(67)); // past the 60 s ping timeout and its 5 s touch interval
        HttpResponse<String> logout = srs.post("/api/v2/me", Srs.LOGOUT, "Cookie", Srs.cookie(session));

        assertThat(logout.statusCode()).isEqualTo(401);
    }

    @Test
    void sessionWhenPingNotRequiredThenIdleTimeoutIsTheAgentIdleTimeout() {
        server.admin().patchSettings("default", Map.of("srsPingRequired", false, "agentIdleTimeoutSeconds", 900));

        srs.session("alice");

        JsonNode view = server.admin().sessions("default", "alice").get(0);
        assertThat(Duration.between(java.time.Instant.parse(view.get("lastSeenAt").asString()),
                java.time.Instant.parse(view.get("expiresAt").asString())))
                .as("the agent idle timeout plus one touch interval (the shown expiry is never early)")
                .isEqualTo(Duration.ofSeconds(905));
    }

    @Test
    void preflightWhenAnyApiV2PathFromAllowedOriginThenAnsweredAndTheRealRequestSees404() {
        HttpResponse<String> preflight = srs.options("/api/v2/me/calls", "Origin", DESKTOP,
                "Access-Control-Request-Method", "GET");
        HttpResponse<String> real = srs.get("/api/v2/me/calls", "Origin", DESKTOP);

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DESKTOP);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isPresent();
        assertThat(real.statusCode()).isEqualTo(404);
        assertThat(real.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DESKTOP);
        assertThat(Srs.json(real).has("statusCode")).isTrue();
    }

    @Test
    void preflightWhenApiV2PathFromForeignOriginThenNoCorsHeaders() {
        HttpResponse<String> preflight = srs.options("/api/v2/me/calls", "Origin", "http://evil.example.net",
                "Access-Control-Request-Method", "GET");

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
