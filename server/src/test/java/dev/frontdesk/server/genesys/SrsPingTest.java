package dev.frontdesk.server.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(OpenApiContract.class)
class SrsPingTest {
    private TestServer server;
    private Srs srs;

    @BeforeEach
    void start() {
        server = TestServer.start();
        srs = new Srs(server.baseUrl());
        server.admin().createAgent("alice", Srs.PASSWORD);
        server.admin().createAgent("bob", Srs.PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pingWhenSessionLiveThenOk() {
        String session = srs.session("alice");

        HttpResponse<String> response = srs.get("/ping", "Cookie", Srs.cookie(session));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"statusCode\":0}");
    }

    @Test
    void pingWhenNoSessionThenAccessDenied() {
        HttpResponse<String> response = srs.get("/ping");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Srs.json(response).get("statusCode").asInt()).isEqualTo(20);
    }

    @Test
    void sessionWhenOpenedThenIdleTimeoutIsTheTenantsPingTimeout() {
        server.admin().patchSettings("default", Map.of("srsPingTimeoutSeconds", 45));

        srs.session("alice");

        JsonNode view = server.admin().sessions("default", "alice").get(0);
        Duration idle = Duration.between(Instant.parse(view.get("lastSeenAt").asString()),
                Instant.parse(view.get("expiresAt").asString()));
        assertThat(idle).as("the ping timeout plus one touch interval (a tenth of it, at most 5 s)")
                .isEqualTo(Duration.ofSeconds(45).plusMillis(4500));
    }

    @Test
    void pingWhenTimeoutPassesWithoutPingThenSessionEndedAndPingDenied() throws InterruptedException {
        server.admin().patchSettings("default", Map.of("srsPingTimeoutSeconds", 1));
        String session = srs.session("alice");
        assertThat(srs.get("/ping", "Cookie", Srs.cookie(session)).statusCode()).isEqualTo(200);

        Thread.sleep(1600);
        HttpResponse<String> late = srs.get("/ping", "Cookie", Srs.cookie(session));

        assertThat(late.statusCode()).isEqualTo(401);
        assertThat(Srs.json(late).get("statusMessage").asString()).isEqualTo("Access denied");
        assertThat(server.admin().sessions("default", "alice").size()).isZero();
    }

    @Test
    void pingWhenPingsArriveWithinTimeoutThenSessionOutlivesIt() throws InterruptedException {
        server.admin().patchSettings("default", Map.of("srsPingTimeoutSeconds", 2));
        String session = srs.session("alice");

        for (int i = 0; i < 4; i++) {
            Thread.sleep(700);
            assertThat(srs.get("/ping", "Cookie", Srs.cookie(session)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void placeWhenHoldersPingsStopThenFreeForAnotherAgent() throws InterruptedException {
        server.admin().patchSettings("default", Map.of("srsPingTimeoutSeconds", 1));
        String claim = Json.write(List.of(Map.of("name", "place", "value", "Seat-9")));
        srs.post("/api/v2/me", claim, "Authorization", Srs.basic("alice"));
        assertThat(srs.post("/api/v2/me", claim, "Authorization", Srs.basic("bob")).statusCode()).isEqualTo(409);

        Thread.sleep(1600);
        HttpResponse<String> response = srs.post("/api/v2/me", claim, "Authorization", Srs.basic("bob"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void pingWhenBasicAndAgentHasSessionThenOkWithoutNewSession() {
        srs.session("alice");

        HttpResponse<String> response = srs.get("/ping", "Authorization", Srs.basic("alice"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Srs.setCookie(response)).isEmpty();
        assertThat(server.admin().sessions("default", "alice").size()).isEqualTo(1);
    }

    @Test
    void pingWhenBasicAndNoSessionThenAccessDenied() {
        HttpResponse<String> response = srs.get("/ping", "Authorization", Srs.basic("bob"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void pingWhenBasicPasswordWrongThenAccessDenied() {
        srs.session("alice");

        HttpResponse<String> response = srs.get("/ping", "Authorization", Http.basic("alice", "wrong-password-1"));

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
