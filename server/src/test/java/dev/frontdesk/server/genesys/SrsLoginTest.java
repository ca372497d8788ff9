package dev.frontdesk.server.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(OpenApiContract.class)
class SrsLoginTest {
    private static TestServer server;
    private static Srs srs;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        srs = new Srs(server.baseUrl());
        server.admin().ok("POST", "/tenants/default/accounts", Map.of("username", "alice", "password", Srs.PASSWORD,
                "type", "agent", "firstName", "Alice", "lastName", "Agent", "email", "alice@example.com"));
        server.admin().createAgent("bob", Srs.PASSWORD);
        server.admin().createAgent("capped", Srs.PASSWORD);
        server.admin().createCustomer("carol", Srs.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginWhenAgentSendsBasicThenUserAndHttpOnlyLaxSessionCookie() {
        HttpResponse<String> response = srs.login("alice", Srs.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Srs.json(response);
        assertThat(body.get("statusCode").asInt()).isZero();
        JsonNode user = body.get("user");
        assertThat(user.get("userName").asString()).isEqualTo("alice");
        assertThat(user.get("firstName").asString()).isEqualTo("Alice");
        assertThat(user.get("lastName").asString()).isEqualTo("Agent");
        assertThat(user.get("emailAddress").asString()).isEqualTo("alice@example.com");
        assertThat(user.get("roles").get(0).asString()).isEqualTo("ROLE_AGENT");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(user.get("changePasswordOnFirstLogin").asBoolean()).isFalse();
        assertThat(user.get("id").asString()).isNotBlank();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        String cookie = Srs.setCookie(response).orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/").doesNotContainIgnoringCase("Secure");
        assertThat(Srs.cookieValue(response).orElseThrow()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(server.admin().sessions("default", "alice").findValues("channel"))
                .anySatisfy(c -> assertThat(c.asString()).isEqualTo("srs"));
    }

    @Test
    void loginWhenPasswordWrongThenAccessDeniedWithoutBrowserPrompt() {
        HttpResponse<String> response = srs.login("alice", "wrong-password-1");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"statusCode\":20,\"statusMessage\":\"Access denied\"}");
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(challenge).doesNotStartWithIgnoringCase("Basic").doesNotStartWithIgnoringCase("Digest")
                .doesNotStartWithIgnoringCase("Negotiate").doesNotStartWithIgnoringCase("NTLM");
        assertThat(Srs.setCookie(response)).isEmpty();
    }

    @Test
    void loginWhenUserUnknownThenSameAccessDenied() {
        HttpResponse<String> response = srs.login("nobody", Srs.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Srs.json(response).get("statusCode").asInt()).isEqualTo(20);
    }

    @Test
    void loginWhenAccountIsCustomerThenAccessDenied() {
        HttpResponse<String> response = srs.login("carol", Srs.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Srs.json(response).get("statusMessage").asString()).isEqualTo("Access denied");
    }

    @Test
    void getWhenNoCredentialsThenAccessDenied() {
        HttpResponse<String> response = srs.get("/api/v2/me");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Srs.json(response).get("statusCode").asInt()).isEqualTo(20);
    }

    @Test
    void getWhenOnlyCookieThenUserOfThatSession() {
        String session = srs.session("bob");

        HttpResponse<String> response = srs.get("/api/v2/me", "Cookie", Srs.cookie(session));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Srs.json(response).get("user").get("userName").asString()).isEqualTo("bob");
        assertThat(Srs.setCookie(response)).isEmpty();
    }

    @Test
    void getWhenCookieUnknownThenAccessDenied() {
        HttpResponse<String> response = srs.get("/api/v2/me",
                "Cookie", Srs.cookie("00000000-0000-0000-0000-000000000000"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void getWhenCookieAndBasicOfSameUserThenSameSessionServes() {
        String session = srs.session("bob");

        HttpResponse<String> response = srs.get("/api/v2/me", "Cookie", Srs.cookie(session),
                "Authorization", Srs.basic("bob"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Srs.setCookie(response)).isEmpty();
        assertThat(srs.get("/ping", "Cookie", Srs.cookie(session)).statusCode()).isEqualTo(200);
    }

    @Test
    void loginWhenCookieOfAnotherUserThenNewSessionReplacesIt() {
        String bobs = srs.session("bob");

        HttpResponse<String> response = srs.login("alice", Srs.PASSWORD, "Cookie", Srs.cookie(bobs));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Srs.json(response).get("user").get("userName").asString()).isEqualTo("alice");
        assertThat(Srs.cookieValue(response)).isPresent().get().isNotEqualTo(bobs);
        assertThat(srs.get("/ping", "Cookie", Srs.cookie(bobs)).statusCode()).isEqualTo(401);
    }

    @Test
    void loginWhenAtSessionCapThenRefusedUnlessForceLoginYes() {
        for (int i = 0; i < 5; i++) {
            srs.session("capped");
        }

        HttpResponse<String> refused = srs.login("capped", Srs.PASSWORD);
        HttpResponse<String> forced = srs.get("/api/v2/me?forceLogin=yes", "Authorization", Srs.basic("capped"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Srs.json(refused).get("statusCode").asInt()).isEqualTo(3);
        assertThat(Srs.json(refused).get("statusMessage").asString()).contains("forceLogin=yes");
        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(server.admin().sessions("default", "capped").size()).isEqualTo(5);
    }

    @Test
    void versionWhenAskedThenFrontdeskVersion() {
        HttpResponse<String> response = srs.get("/version");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Srs.json(response).get("version").asString())
                .isEqualTo(dev.frontdesk.server.ops.Version.value()).isNotBlank();
    }

    @Test
    void optionsWhenNoOriginThenAllowedMethods() {
        HttpResponse<String> response = srs.options("/api/v2/me");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET,POST,OPTIONS");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void putWhenSentToMeThenMethodNotAllowedInSrsShape() {
        HttpResponse<String> put = Http.plain().method("PUT", server.baseUrl() + "/api/v2/me", "application/json", "{}");

        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(Srs.json(put).get("statusCode").asInt()).isEqualTo(1);
    }
}
