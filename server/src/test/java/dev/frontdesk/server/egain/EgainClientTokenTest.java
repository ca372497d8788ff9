package dev.frontdesk.server.egain;

import static dev.frontdesk.server.egain.EgainCalls.PASSWORD;
import static dev.frontdesk.server.egain.EgainCalls.V12_LOGIN;
import static dev.frontdesk.server.egain.EgainCalls.V12_NS;
import static dev.frontdesk.server.egain.EgainCalls.V19_REVOKE;
import static dev.frontdesk.server.egain.EgainCalls.V19_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
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

/** Issue 3, points 5 and 6: v19 client-application tokens, the bearer on login, introspection. */
@ExtendWith(OpenApiContract.class)
class EgainClientTokenTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String SECRET = "node-runtime-secret-31";

    private static TestServer server;
    private static EgainCalls calls;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        calls = new EgainCalls(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String client() {
        String id = EgainCalls.uniqueName("imiconnect-");
        server.admin().createClient("default", id, SECRET);
        return id;
    }

    private static HttpResponse<String> token(String path, String clientId) {
        return calls.post(path, FORM, "grant_type=client_credentials", "Authorization", Http.basic(clientId, SECRET),
                "Accept", "application/json");
    }

    private static String accessToken(String clientId) {
        HttpResponse<String> response = token(V19_TOKEN, clientId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body()).get("access_token").asString();
    }

    @Test
    void tokenWhenBasicClientCredentialsThen200BearerFor24Hours() {
        HttpResponse<String> response = token(V19_TOKEN, client());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("access_token").asString()).isNotBlank();
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(86400);
    }

    @Test
    void tokenWhenFormClientCredentialsUnderSystemRootThen200() {
        String id = client();

        HttpResponse<String> response = calls.post("/system" + V19_TOKEN, FORM,
                "grant_type=client_credentials&client_id=" + id + "&client_secret=" + SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.body()).get("token_type").asString()).isEqualTo("Bearer");
    }

    @Test
    void tokenWhenLifetimeChangedThroughAdminThenExpiresInFollows() {
        try (TestServer own = TestServer.start()) {
            own.admin().patchSettings("default", Map.of("clientTokenLifetimeSeconds", 600));
            own.admin().createClient("default", "short-lived", SECRET);

            HttpResponse<String> response = new EgainCalls(own).post(V19_TOKEN, FORM, "grant_type=client_credentials",
                    "Authorization", Http.basic("short-lived", SECRET));

            assertThat(Json.MAPPER.readTree(response.body()).get("expires_in").asLong()).isEqualTo(600);
        }
    }

    @Test
    void tokenWhenWrongSecretThen401InvalidClientWithWwwAuthenticate() {
        String id = client();

        HttpResponse<String> response = calls.post(V19_TOKEN, FORM, "grant_type=client_credentials",
                "Authorization", Http.basic(id, "not-the-secret"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(Json.MAPPER.readTree(response.body()).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void tokenWhenWrongOrMissingGrantTypeThen400() {
        String id = client();

        HttpResponse<String> wrong = calls.post(V19_TOKEN, FORM, "grant_type=password", "Authorization",
                Http.basic(id, SECRET));
        HttpResponse<String> missing = calls.post(V19_TOKEN, FORM, "scope=x", "Authorization", Http.basic(id, SECRET));

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(wrong.body()).get("error").asString()).isEqualTo("unsupported_grant_type");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(missing.body()).get("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void tokenWhenAtTheCapThenRefusedUnlessForceLoginWhichRevokesTheOldest() {
        try (TestServer own = TestServer.start()) {
            EgainCalls ownCalls = new EgainCalls(own);
            own.admin().patchSettings("default", Map.of("maxTokensPerClient", 2));
            own.admin().createClient("default", "capped", SECRET);
            String agent = ownCalls.agent();
            String basic = Http.basic("capped", SECRET);
            String oldest = Json.MAPPER.readTree(ownCalls.post(V19_TOKEN, FORM, "grant_type=client_credentials",
                    "Authorization", basic).body()).get("access_token").asString();
            ownCalls.post(V19_TOKEN, FORM, "grant_type=client_credentials", "Authorization", basic);

            HttpResponse<String> third = ownCalls.post(V19_TOKEN, FORM, "grant_type=client_credentials",
                    "Authorization", basic);
            HttpResponse<String> forced = ownCalls.post(V19_TOKEN + "?forceLogin=yes", FORM,
                    "grant_type=client_credentials", "Authorization", basic);

            assertThat(third.statusCode()).isEqualTo(403);
            assertThat(forced.statusCode()).isEqualTo(200);
            assertThat(ownCalls.v12LoginJson(agent, PASSWORD, "Authorization", "Bearer " + oldest).statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void revokeWhenBearerLiveThen204AndTokenIsDeadEverywhere() {
        String token = accessToken(client());
        String agent = calls.agent();

        HttpResponse<String> revoked = calls.post(V19_REVOKE, null, "", "Authorization", "Bearer " + token);
        HttpResponse<String> again = calls.post("/system" + V19_REVOKE, null, "", "Authorization", "Bearer " + token);
        HttpResponse<String> login = calls.v12LoginJson(agent, PASSWORD, "Authorization", "Bearer " + token);
        HttpResponse<String> introspect = calls.post("/api/v1/introspect", "application/json",
                "{\"session\":\"x\"}", "Authorization", "Bearer " + token);

        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(introspect.statusCode()).isEqualTo(401);
    }

    @Test
    void loginWhenBearerIsLiveThen204AndSessionRecordsTheClient() {
        String id = client();
        String token = accessToken(id);
        String agent = calls.agent();

        HttpResponse<String> response = calls.v12LoginJson(agent, PASSWORD, "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(204);
        JsonNode sessions = server.admin().sessions("default", agent);
        assertThat(sessions.get(0).get("clientId").asString()).isEqualTo(id);
    }

    @Test
    void loginWhenBearerUnknownThen401InEgainShapeBeforeCheckingCredentials() {
        String agent = calls.agent();

        HttpResponse<String> response = calls.post(V12_LOGIN, "application/xml",
                EgainCalls.xml("Login", V12_NS, agent, PASSWORD), "Authorization", "Bearer 5a0f0bc4-not-a-token");
        HttpResponse<String> empty = calls.v12LoginJson(agent, PASSWORD, "Authorization", "Bearer");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(response.body()).isEqualTo(EgainCalls.xmlError("error", V12_NS,
                "The client application access token is invalid, expired or revoked."));
        assertThat(empty.statusCode()).isEqualTo(401);
        assertThat(server.admin().sessions("default", agent).size()).isZero();
    }

    @Test
    void loginWhenBearerBelongsToAnotherTenantThen401() {
        server.admin().ok("PUT", "/tenants/acme", Map.of("hosts", List.of("localhost")));
        server.admin().createClient("acme", "acme-node", SECRET);
        HttpResponse<String> issued = Http.plain().post("http://localhost:" + server.port() + V19_TOKEN, FORM,
                "grant_type=client_credentials", "Authorization", Http.basic("acme-node", SECRET));
        String foreign = Json.MAPPER.readTree(issued.body()).get("access_token").asString();
        String agent = calls.agent();

        HttpResponse<String> response = calls.v12LoginJson(agent, PASSWORD, "Authorization", "Bearer " + foreign);

        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("client application access token");
    }

    @Test
    void loginV15WhenBearerIsLiveThen204WithClientRecorded() {
        String id = client();
        String customer = calls.customer();

        HttpResponse<String> response = calls.v15LoginJson(customer, PASSWORD, "Authorization",
                "bearer " + accessToken(id));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(server.admin().sessions("default", customer).get(0).get("clientId").asString()).isEqualTo(id);
    }

    @Test
    void introspectWhenEgainSessionsThenActiveWithTheirChannel() {
        String token = accessToken(client());
        String v12 = calls.v12Session(calls.agent());
        String v15 = calls.v15Session(calls.customer());

        JsonNode agent = Json.MAPPER.readTree(calls.post("/api/v1/introspect", "application/json",
                "{\"session\":\"" + v12 + "\"}", "Authorization", "Bearer " + token).body());
        JsonNode customer = Json.MAPPER.readTree(calls.post("/api/v1/introspect", FORM, "session=" + v15,
                "Authorization", "Bearer " + token).body());
        calls.send("DELETE", EgainCalls.V12_LOGOUT, "X-egain-session", v12);
        JsonNode ended = Json.MAPPER.readTree(calls.post("/api/v1/introspect", "application/json",
                "{\"session\":\"" + v12 + "\"}", "Authorization", "Bearer " + token).body());

        assertThat(agent.get("active").asBoolean()).isTrue();
        assertThat(agent.get("channel").asString()).isEqualTo("egain-v12");
        assertThat(agent.get("accountType").asString()).isEqualTo("agent");
        assertThat(customer.get("active").asBoolean()).isTrue();
        assertThat(customer.get("channel").asString()).isEqualTo("egain-v15");
        assertThat(ended.get("active").asBoolean()).isFalse();
    }
}
