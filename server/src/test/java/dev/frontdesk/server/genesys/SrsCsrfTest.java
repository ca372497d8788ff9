package dev.frontdesk.server.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(OpenApiContract.class)
class SrsCsrfTest {
    private static final String DESK = "https://desk.example.com";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static TestServer server;
    private static Srs srs;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        srs = new Srs(server.baseUrl());
        server.admin().patchSettings("default", Map.of("corsAllowedOrigins", List.of(DESK)));
        for (String agent : List.of("alice", "bob", "carol", "dave", "erin", "frank")) {
            server.admin().createAgent(agent, Srs.PASSWORD);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginWhenSupportCsrfpThenTokenHeadersOnEveryGetOfTheSession() {
        HttpResponse<String> login = srs.login("alice", Srs.PASSWORD, "X-Support-CSRFP", "True", "Origin", DESK);
        String session = Srs.cookieValue(login).orElseThrow();
        String token = login.headers().firstValue("X-CSRF-TOKEN").orElseThrow();

        HttpResponse<String> me = srs.get("/api/v2/me", "Cookie", Srs.cookie(session));
        HttpResponse<String> ping = srs.get("/ping", "Cookie", Srs.cookie(session));

        assertThat(login.headers().firstValue("X-CSRF-HEADER")).hasValue("X-CSRF-Token");
        assertThat(token).matches(UUID).isNotEqualTo(session);
        assertThat(me.headers().firstValue("X-CSRF-HEADER")).hasValue("X-CSRF-Token");
        assertThat(me.headers().firstValue("X-CSRF-TOKEN")).hasValue(token);
        assertThat(ping.headers().firstValue("X-CSRF-TOKEN")).hasValue(token);
    }

    @Test
    void loginWhenSupportCsrfpThenAdminViewShowsNoTokenOrItsHash() {
        HttpResponse<String> login = srs.login("frank", Srs.PASSWORD, "X-Support-CSRFP", "True");
        String token = login.headers().firstValue("X-CSRF-TOKEN").orElseThrow();

        JsonNode sessions = server.admin().sessions("default", "frank");

        assertThat(sessions.toString()).doesNotContain(token).doesNotContainIgnoringCase("csrf");
    }

    @Test
    void loginWithoutSupportCsrfpThenNoTokenHeaders() {
        HttpResponse<String> login = srs.login("bob", Srs.PASSWORD);
        HttpResponse<String> me = srs.get("/api/v2/me", "Cookie", Srs.cookie(Srs.cookieValue(login).orElseThrow()));

        assertThat(login.headers().firstValue("X-CSRF-TOKEN")).isEmpty();
        assertThat(me.headers().firstValue("X-CSRF-TOKEN")).isEmpty();
    }

    @Test
    void postWhenCsrfSessionAndTokenMissingThenForbiddenAndSessionLives() {
        String session = srs.session("carol", "X-Support-CSRFP", "True");

        HttpResponse<String> response = srs.post("/api/v2/me", Srs.LOGOUT, "Cookie", Srs.cookie(session),
                "Origin", DESK);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Srs.json(response).get("statusMessage").asString()).isEqualTo("Missing or invalid Csrf token");
        assertThat(srs.get("/ping", "Cookie", Srs.cookie(session)).statusCode()).isEqualTo(200);
    }

    @Test
    void postWhenCsrfSessionAndTokenWrongThenForbidden() {
        String session = srs.session("carol", "X-Support-CSRFP", "True");

        HttpResponse<String> response = srs.post("/api/v2/me", Srs.LOGOUT, "Cookie", Srs.cookie(session),
                "X-CSRF-Token", "00000000-0000-0000-0000-000000000000");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Srs.json(response).get("statusMessage").asString()).isEqualTo("Missing or invalid Csrf token");
    }

    @Test
    void postWhenCsrfTokenOfAnotherSessionThenForbidden() {
        HttpResponse<String> other = srs.login("dave", Srs.PASSWORD, "X-Support-CSRFP", "True");
        String session = srs.session("dave", "X-Support-CSRFP", "True");

        HttpResponse<String> response = srs.post("/api/v2/me", Srs.LOGOUT, "Cookie", Srs.cookie(session),
                "X-CSRF-Token", other.headers().firstValue("X-CSRF-TOKEN").orElseThrow());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void postWhenCsrfTokenRightThenLogoutAccepted() {
        HttpResponse<String> login = srs.login("erin", Srs.PASSWORD, "X-Support-CSRFP", "True");
        String session = Srs.cookieValue(login).orElseThrow();
        String token = login.headers().firstValue("X-CSRF-TOKEN").orElseThrow();

        HttpResponse<String> response = srs.post("/api/v2/me", Srs.LOGOUT, "Cookie", Srs.cookie(session),
                "X-CSRF-Token", token, "Origin", DESK);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"statusCode\":0}");
        assertThat(srs.get("/ping", "Cookie", Srs.cookie(session)).statusCode()).isEqualTo(401);
    }

    @Test
    void cookiePostWithoutCsrfpWhenOriginForeignThenForbidden() {
        String session = srs.session("bob");

        HttpResponse<String> response = srs.post("/api/v2/me", Srs.LOGOUT, "Cookie", Srs.cookie(session),
                "Origin", "https://evil.example.com");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Srs.json(response).get("statusCode").asInt()).isEqualTo(3);
        assertThat(srs.get("/ping", "Cookie", Srs.cookie(session)).statusCode()).isEqualTo(200);
    }

    @Test
    void cookiePostWithoutCsrfpWhenOriginAllowedThenAccepted() {
        String session = srs.session("bob");

        HttpResponse<String> response = srs.post("/api/v2/me", Srs.LOGOUT, "Cookie", Srs.cookie(session),
                "Origin", DESK);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(srs.get("/ping", "Cookie", Srs.cookie(session)).statusCode()).isEqualTo(401);
    }

    @Test
    void cookiePostWithoutCsrfpWhenNoOriginThenAcceptedForNonBrowserClients() {
        String session = srs.session("bob");

        HttpResponse<String> response = srs.post("/api/v2/me", Srs.LOGOUT, "Cookie", Srs.cookie(session));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Srs.setCookie(response)).hasValueSatisfying(c -> assertThat(c).startsWith("JSESSIONID=;")
                .contains("1970"));
    }

    @Test
    void cookiePostWhenTextPlainThenUnsupportedMediaType() {
        String session = srs.session("bob");

        HttpResponse<String> response = Http.plain().post(server.baseUrl() + "/api/v2/me", "text/plain",
                Srs.LOGOUT, "Cookie", Srs.cookie(session));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(srs.get("/ping", "Cookie", Srs.cookie(session)).statusCode()).isEqualTo(200);
    }
}
