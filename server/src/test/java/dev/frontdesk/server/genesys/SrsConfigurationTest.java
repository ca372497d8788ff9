package dev.frontdesk.server.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

@ExtendWith(OpenApiContract.class)
class SrsConfigurationTest {
    private static TestServer server;
    private static Srs srs;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        srs = new Srs(server.baseUrl());
        for (String agent : List.of("alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank", "ivan", "kate", "liam",
                "race1", "race2", "race3", "race4")) {
            server.admin().createAgent(agent, Srs.PASSWORD);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> loginWith(String user, Object configuration) {
        return srs.post("/api/v2/me", configuration instanceof String s ? s : Json.write(configuration),
                "Authorization", Srs.basic(user));
    }

    private static List<Map<String, Object>> place(String place) {
        return List.of(Map.of("name", "place", "value", place));
    }

    @Test
    void loginWithConfigurationWhenValidThenValuesStoredOnSessionAndShownToAdmin() {
        HttpResponse<String> response = loginWith("alice", """
                [{"name":"server","value":"https://rws.dc1.example.com"},
                 {"name":"peer_server","value":"https://rws.dc2.example.com"},
                 {"name":"place","value":"Place-A"},
                 {"name":"devices","value":[{"dn":"DN1","switch":"Switch"},{"dn":"DN2","switch":"Switch"}]}]""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Srs.json(response).get("user").get("userName").asString()).isEqualTo("alice");
        assertThat(Srs.cookieValue(response)).isPresent();
        JsonNode attributes = server.admin().sessions("default", "alice").get(0).get("attributes");
        assertThat(attributes.get("server").asString()).isEqualTo("https://rws.dc1.example.com");
        assertThat(attributes.get("peer_server").asString()).isEqualTo("https://rws.dc2.example.com");
        assertThat(attributes.get("place").asString()).isEqualTo("Place-A");
        assertThat(Json.MAPPER.readTree(attributes.get("devices").asString())).isEqualTo(Json.MAPPER.readTree(
                "[{\"dn\":\"DN1\",\"switch\":\"Switch\"},{\"dn\":\"DN2\",\"switch\":\"Switch\"}]"));
    }

    @Test
    void loginWithConfigurationWhenEmptyArrayThenPlainLogin() {
        HttpResponse<String> response = loginWith("ivan", "[]");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.admin().sessions("default", "ivan").get(0).get("attributes").size()).isZero();
    }

    @Test
    void loginWithConfigurationWhenUnknownNamesThenIgnored() {
        HttpResponse<String> response = loginWith("bob", """
                [{"name":"color","value":42},{"name":"channels","value":["voice"]},{"name":"place","value":"Place-B"}]""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode attributes = server.admin().sessions("default", "bob").get(0).get("attributes");
        assertThat(attributes.get("place").asString()).isEqualTo("Place-B");
        assertThat(attributes.has("color")).isFalse();
        assertThat(attributes.has("channels")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"name\":\"place\",\"value\":5}]",
        "[{\"name\":\"place\",\"value\":{\"id\":\"x\"}}]",
        "[{\"name\":\"server\",\"value\":true}]",
        "[{\"name\":\"server\",\"value\":\"ftp://rws.example.com\"}]",
        "[{\"name\":\"devices\",\"value\":\"DN1\"}]",
        "[{\"name\":\"devices\",\"value\":[\"DN1\"]}]",
        "[{\"name\":\"devices\",\"value\":[{\"switch\":\"Switch\"}]}]",
        "[{\"name\":\"devices\",\"value\":[{\"dn\":7}]}]",
        "[{\"name\":\"place\",\"value\":\"A\"},{\"name\":\"place\",\"value\":\"B\"}]",
        "[\"place\"]",
        "[{\"value\":\"Place\"}]",
        "{\"place\":\"Place\"}",
        "\"place\"",
        "[{\"name\":\"place\",\"value\":\"A\"}",
    })
    void loginWithConfigurationWhenWrongShapeOrTypeThenBadRequest(String body) {
        HttpResponse<String> response = loginWith("carol", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Srs.json(response).get("statusCode").asInt()).isEqualTo(1);
        assertThat(Srs.json(response).get("statusMessage").asString()).isNotBlank();
        assertThat(Srs.setCookie(response)).isEmpty();
    }

    @Test
    void hotSeatingWhenPlaceHeldByAnotherAgentThenConflictUntilThatSessionLogsOut() {
        String daves = Srs.cookieValue(loginWith("dave", place("Seat-1"))).orElseThrow();

        HttpResponse<String> taken = loginWith("erin", place("Seat-1"));
        HttpResponse<String> logout = srs.post("/api/v2/me", Srs.LOGOUT, "Cookie", Srs.cookie(daves));
        HttpResponse<String> freed = loginWith("erin", place("Seat-1"));

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(Srs.json(taken).get("statusMessage").asString()).contains("Seat-1").contains("in use");
        assertThat(Srs.json(taken).get("statusCode").asInt()).isEqualTo(2);
        assertThat(Srs.setCookie(taken)).isEmpty();
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(freed.statusCode()).isEqualTo(200);
    }

    @Test
    void hotSeatingWhenHoldingSessionEndedByAdminThenPlaceFree() {
        loginWith("frank", place("Seat-2"));
        String ref = server.admin().sessions("default", "frank").get(0).get("ref").asString();

        HttpResponse<String> taken = loginWith("gina", place("Seat-2"));
        server.admin().ok("DELETE", "/tenants/default/sessions/" + ref, null);
        HttpResponse<String> freed = loginWith("gina", place("Seat-2"));

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(freed.statusCode()).isEqualTo(200);
    }

    @Test
    void hotSeatingWhenSameAgentClaimsItsPlaceAgainThenAllowed() {
        HttpResponse<String> first = loginWith("hank", place("Seat-3"));
        HttpResponse<String> second = loginWith("hank", place("Seat-3"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
    }

    @Test
    void hotSeatingWhenAgentsRaceForOnePlaceThenExactlyOneWins() {
        List<CompletableFuture<Integer>> claims = Stream.of("race1", "race2", "race3", "race4")
                .map(agent -> CompletableFuture.supplyAsync(() -> loginWith(agent, place("Seat-R")).statusCode()))
                .toList();

        List<Integer> statuses = claims.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    }

    @Test
    void configurationWhenPostedWithCookieThenSessionUpdatedAndHotSeatingApplies() {
        loginWith("kate", place("Seat-4"));
        String liams = srs.session("liam");

        HttpResponse<String> conflict = srs.post("/api/v2/me", Json.write(place("Seat-4")), "Cookie", Srs.cookie(liams));
        HttpResponse<String> other = srs.post("/api/v2/me", Json.write(place("Seat-5")), "Cookie", Srs.cookie(liams));

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(server.admin().sessions("default", "liam").findValues("attributes"))
                .anySatisfy(a -> assertThat(a.path("place").asString("")).isEqualTo("Seat-5"));
    }

    @Test
    void logoutWhenOperationUnknownThenBadRequestAndSessionLives() {
        String session = srs.session("ivan");

        HttpResponse<String> response = srs.post("/api/v2/me", "{\"operationName\":\"ChangeAgentState\"}",
                "Cookie", Srs.cookie(session));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Srs.json(response).get("statusCode").asInt()).isEqualTo(1);
        assertThat(Srs.json(response).get("statusMessage").asString()).contains("ChangeAgentState");
        assertThat(srs.get("/ping", "Cookie", Srs.cookie(session)).statusCode()).isEqualTo(200);
    }

    @Test
    void logoutWhenCookieThenSessionEndedAndCookieExpired() {
        String session = srs.session("ivan");

        HttpResponse<String> response = srs.post("/api/v2/me", Srs.LOGOUT, "Cookie", Srs.cookie(session));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"statusCode\":0}");
        assertThat(Srs.setCookie(response)).hasValueSatisfying(c -> assertThat(c).startsWith("JSESSIONID=;"));
        assertThat(srs.get("/api/v2/me", "Cookie", Srs.cookie(session)).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutWhenBasicOnlyThenEverySrsSessionOfTheAgentEnds() {
        String first = srs.session("carol");
        String second = srs.session("carol");

        HttpResponse<String> response = srs.post("/api/v2/me", Srs.LOGOUT, "Authorization", Srs.basic("carol"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(srs.get("/ping", "Cookie", Srs.cookie(first)).statusCode()).isEqualTo(401);
        assertThat(srs.get("/ping", "Cookie", Srs.cookie(second)).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutWhenBasicPasswordWrongThenAccessDenied() {
        String session = srs.session("carol");

        HttpResponse<String> response = srs.post("/api/v2/me", Srs.LOGOUT,
                "Authorization", dev.frontdesk.server.testing.Http.basic("carol", "wrong-password-1"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(srs.get("/ping", "Cookie", Srs.cookie(session)).statusCode()).isEqualTo(200);
    }

    @Test
    void logoutWhenNoCredentialsThenAccessDenied() {
        HttpResponse<String> response = srs.post("/api/v2/me", Srs.LOGOUT);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Srs.json(response).get("statusCode").asInt()).isEqualTo(20);
    }
}
