package dev.frontdesk.server.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.NativeClient;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The native API: login, session, logout, token endpoint and introspection. */
@ExtendWith(OpenApiContract.class)
class NativeApiTest {
    static TestServer server;
    static NativeClient api;
    static Http http = Http.plain();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = new NativeClient(server.baseUrl());
        server.admin().createAgent("nat", "nat-password-1");
        server.admin().createClient("default", "resource-server", "resource-server-secret");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginThenSessionDescribesTheUser() {
        HttpResponse<String> login = api.login("nat", "nat-password-1", false);
        assertThat(login.statusCode()).isEqualTo(201);
        JsonNode body = Json.MAPPER.readTree(login.body());
        assertThat(body.get("session").asString()).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        assertThat(body.get("idleTimeoutSeconds").asInt()).isEqualTo(5400);
        assertThat(body.get("expiresAt").asString()).isNotBlank();

        HttpResponse<String> session = http.get(server.baseUrl() + "/api/v1/session",
                "Authorization", "Bearer " + body.get("session").asString());
        JsonNode described = Json.MAPPER.readTree(session.body());
        assertThat(described.get("tenant").asString()).isEqualTo("default");
        assertThat(described.get("username").asString()).isEqualTo("nat");
        assertThat(described.get("accountType").asString()).isEqualTo("agent");
        assertThat(described.get("channel").asString()).isEqualTo("native");
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        HttpResponse<String> wrong = api.login("nat", "not-nat-password", false);
        HttpResponse<String> unknown = api.login("nobody-here", "not-nat-password", false);
        HttpResponse<String> empty = api.login("nat", "", false);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(empty.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body()).isEqualTo(empty.body()).isEqualTo("{\"error\":\"invalid_credentials\"}");
    }

    @Test
    void malformedLoginBodiesThen400Or415() {
        assertThat(http.post(server.baseUrl() + "/api/v1/login", "application/json", "{\"username\":").statusCode()).isEqualTo(400);
        assertThat(http.post(server.baseUrl() + "/api/v1/login", "application/json", "{\"username\":1,\"password\":\"x\"}")
                .statusCode()).isEqualTo(400);
        assertThat(http.post(server.baseUrl() + "/api/v1/login", "text/plain", "nat:nat").statusCode()).isEqualTo(415);
        assertThat(http.postBytes(server.baseUrl() + "/api/v1/login", "application/json",
                new byte[] {'{', '"', (byte) 0xC3, '"', '}'}).statusCode()).isEqualTo(400);
        assertThat(http.postBytes(server.baseUrl() + "/api/v1/login", "application/json", new byte[200_000])
                .statusCode()).isEqualTo(413);
    }

    @Test
    void unknownSessionThen401() {
        assertThat(api.sessionStatus("00000000-0000-0000-0000-000000000000")).isEqualTo(401);
        assertThat(http.get(server.baseUrl() + "/api/v1/session").statusCode()).isEqualTo(401);
    }

    @Test
    void clientCredentialsGrantWithBasicOrPostThenToken() {
        HttpResponse<String> basic = http.post(server.baseUrl() + "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials", "Authorization", Http.basic("resource-server", "resource-server-secret"));
        assertThat(basic.statusCode()).isEqualTo(200);
        JsonNode token = Json.MAPPER.readTree(basic.body());
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asInt()).isEqualTo(86400);

        HttpResponse<String> post = http.post(server.baseUrl() + "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=resource-server&client_secret=resource-server-secret");
        assertThat(post.statusCode()).isEqualTo(200);
    }

    @Test
    void badClientOrGrantThenRfc6749Errors() {
        HttpResponse<String> badClient = http.post(server.baseUrl() + "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials", "Authorization", Http.basic("resource-server", "wrong"));
        assertThat(badClient.statusCode()).isEqualTo(401);
        assertThat(badClient.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(Json.MAPPER.readTree(badClient.body()).get("error").asString()).isEqualTo("invalid_client");

        HttpResponse<String> badGrant = http.post(server.baseUrl() + "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=password", "Authorization", Http.basic("resource-server", "resource-server-secret"));
        assertThat(badGrant.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(badGrant.body()).get("error").asString()).isEqualTo("unsupported_grant_type");

        HttpResponse<String> noGrant = http.post(server.baseUrl() + "/oauth2/token", "application/x-www-form-urlencoded",
                "", "Authorization", Http.basic("resource-server", "resource-server-secret"));
        assertThat(Json.MAPPER.readTree(noGrant.body()).get("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void introspectionWithClientTokenThenActiveOrInactive() {
        String accessToken = Json.MAPPER.readTree(http.post(server.baseUrl() + "/oauth2/token",
                "application/x-www-form-urlencoded", "grant_type=client_credentials",
                "Authorization", Http.basic("resource-server", "resource-server-secret")).body())
                .get("access_token").asString();
        String session = api.loginOk("nat", "nat-password-1");

        HttpResponse<String> active = http.post(server.baseUrl() + "/api/v1/introspect", "application/json",
                "{\"session\":\"" + session + "\"}", "Authorization", "Bearer " + accessToken);
        JsonNode answer = Json.MAPPER.readTree(active.body());
        assertThat(answer.get("active").asBoolean()).isTrue();
        assertThat(answer.get("username").asString()).isEqualTo("nat");
        assertThat(answer.get("accountType").asString()).isEqualTo("agent");
        assertThat(answer.propertyNames()).containsExactly("active", "tenant", "username", "accountType", "channel",
                "createdAt", "expiresAt", "exp");
        assertThat(answer.get("exp").asLong())
                .isEqualTo(java.time.Instant.parse(answer.get("expiresAt").asString()).getEpochSecond());

        api.logout(session);
        HttpResponse<String> inactive = http.post(server.baseUrl() + "/api/v1/introspect", "application/json",
                "{\"session\":\"" + session + "\"}", "Authorization", "Bearer " + accessToken);
        assertThat(inactive.body()).isEqualTo("{\"active\":false}");

        HttpResponse<String> noToken = http.post(server.baseUrl() + "/api/v1/introspect", "application/json",
                "{\"session\":\"" + session + "\"}");
        assertThat(noToken.statusCode()).isEqualTo(401);

        assertThat(http.post(server.baseUrl() + "/oauth2/revoke", null, "", "Authorization", "Bearer " + accessToken)
                .statusCode()).isEqualTo(204);
        assertThat(http.post(server.baseUrl() + "/api/v1/introspect", "application/json",
                "{\"session\":\"" + session + "\"}", "Authorization", "Bearer " + accessToken).statusCode()).isEqualTo(401);
    }

    @Test
    void healthAndMetricsAnswer() {
        assertThat(http.get(server.baseUrl() + "/health/live").statusCode()).isEqualTo(200);
        assertThat(http.get(server.baseUrl() + "/health/ready").statusCode()).isEqualTo(200);
        api.loginOk("nat", "nat-password-1");
        String metrics = http.get(server.baseUrl() + "/metrics").body();
        assertThat(metrics).contains("frontdesk_logins_total").contains("outcome=\"success\"")
                .contains("frontdesk_sessions_active").contains("frontdesk_password_hash_seconds");
    }

    @Test
    void unknownPathThen404NotA500() {
        HttpResponse<String> response = http.get(server.baseUrl() + "/no/such/path");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"error\"");
    }

    @Test
    void everyAnswerCarriesNoStoreAndNosniff() {
        HttpResponse<String> response = api.login("nat", "nat-password-1", false);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
