package dev.frontdesk.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.MutableClock;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, end to end: a real nginx, configured with the shipped docs/gateway/nginx.conf, in front of
 * a real Frontdesk and an echo API. Each dialect's live session reaches the API with the identity
 * headers; an ended, expired or evicted one gets its dialect's 401 through the proxy; a rule gives 403.
 */
class NginxGatewayTest {
    static final MutableClock CLOCK = MutableClock.startingNow();
    static TestServer server;
    static EchoUpstream upstream;
    static Nginx nginx;
    static GatewayClients logins;
    static final Http http = Http.plain();

    @BeforeAll
    static void start() {
        Nginx.binary();
        server = TestServer.start(CLOCK, List.of("127.0.0.1/32"));
        upstream = EchoUpstream.start();
        nginx = Nginx.start(server.port(), upstream.port());
        logins = new GatewayClients(server);
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (upstream != null) {
            upstream.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void noRules() {
        server.admin().ok("PUT", "/tenants/default/gateway/rules", List.of());
    }

    private HttpResponse<String> api(String path, String... headers) {
        return http.get(nginx.baseUrl() + path, headers);
    }

    /** The headers the echo API received, after asserting the call got through. */
    private static JsonNode received(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body()).get("headers");
    }

    private static String first(JsonNode headers, String name) {
        JsonNode values = headers.get(name);
        return values == null ? null : values.get(0).asString();
    }

    @Test
    void apiWhenEgainSessionThenUpstreamGetsIdentityAndRequest() {
        String user = logins.agentWithRights("kb.read");
        String session = logins.egainV12(user);
        HttpResponse<String> r = api("/ws/v12/interaction/7/attachment?x=1", "X-egain-session", session);
        JsonNode headers = received(r);
        assertThat(Json.MAPPER.readTree(r.body()).get("path").asString()).isEqualTo("/ws/v12/interaction/7/attachment");
        assertThat(first(headers, "x-frontdesk-tenant")).isEqualTo("default");
        assertThat(first(headers, "x-frontdesk-user")).isEqualTo(user);
        assertThat(first(headers, "x-frontdesk-account-type")).isEqualTo("agent");
        assertThat(first(headers, "x-frontdesk-channel")).isEqualTo("egain-v12");
        assertThat(first(headers, "x-frontdesk-access-rights")).isEqualTo("kb.read");
        assertThat(first(headers, "x-frontdesk-session-ref"))
                .isEqualTo(server.admin().sessions("default", user).get(0).get("ref").asString());
        assertThat(headers.has("x-frontdesk-client-id")).isFalse();
    }

    @Test
    void apiWhenEachDialectsLiveSessionThenUpstreamGetsItsChannel() {
        String agent = logins.agent();
        String customer = logins.customer();
        assertThat(first(received(api("/api/v2/me/channels/voice", "Cookie", "JSESSIONID=" + logins.srs(agent))),
                "x-frontdesk-channel")).isEqualTo("srs");
        assertThat(first(received(api("/f/webapp-api-kb", "Cookie", "iservice-session=" + logins.iservice(customer))),
                "x-frontdesk-channel")).isEqualTo("iservice");
        assertThat(first(received(api("/ws/v15/interaction", "X-egain-session", logins.egainV15(customer))),
                "x-frontdesk-account-type")).isEqualTo("customer");
        assertThat(first(received(api("/any", "Authorization", "Bearer " + logins.nativeSession(agent))),
                "x-frontdesk-user")).isEqualTo(agent);
        JsonNode token = received(api("/reports", "Authorization", "Bearer " + logins.accessToken("nginx-client")));
        assertThat(first(token, "x-frontdesk-client-id")).isEqualTo("nginx-client");
        assertThat(first(token, "x-frontdesk-channel")).isEqualTo("oauth2");
    }

    @Test
    void apiWhenClientSendsIdentityHeadersThenProxyOverwritesThem() {
        String user = logins.agent();
        JsonNode headers = received(api("/any", "X-Session-Token", logins.nativeSession(user),
                "X-Frontdesk-User", "root", "X-Frontdesk-Access-Rights", "admin", "X-Frontdesk-Client-Id", "forged"));
        assertThat(headers.get("x-frontdesk-user").size()).isEqualTo(1);
        assertThat(first(headers, "x-frontdesk-user")).isEqualTo(user);
        assertThat(headers.has("x-frontdesk-access-rights")).isFalse();
        assertThat(headers.has("x-frontdesk-client-id")).isFalse();
    }

    @Test
    void apiWhenEgainSessionEndedThenEgain401BodyThroughProxy() {
        String session = logins.egainV12(logins.agent());
        assertThat(http.method("DELETE", server.baseUrl() + "/system/ws/v12/authentication/user/logout", null, null,
                "X-egain-session", session).statusCode()).isEqualTo(204);
        HttpResponse<String> r = api("/ws/v12/interaction/7", "X-egain-session", session, "Accept", "application/xml");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        assertThat(r.body()).contains("<error xmlns=\"http://bindings.egain.com/ws/model/v12/gen/platform\">")
                .contains("Invalid session ID");
    }

    @Test
    void apiWhenIServiceSessionExpiredThenIService401ThroughProxy() {
        String cookie = "iservice-session=" + logins.iservice(logins.customer());
        received(api("/f/webapp-api-kb", "Cookie", cookie));
        CLOCK.advance(Duration.ofHours(3));
        HttpResponse<String> r = api("/f/webapp-api-kb", "Cookie", cookie);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(r.body()).get("errors").get(0).asString()).isEqualTo("You are not logged in.");
    }

    @Test
    void apiWhenSrsSessionEvictedThenSrs401WithChallengeThroughProxy() {
        server.admin().patchSettings("default", Map.of("maxSessionsPerAccount", 1));
        try {
            String agent = logins.agent();
            String cookie = "JSESSIONID=" + logins.srs(agent);
            received(api("/api/v2/me/channels/voice", "Cookie", cookie));
            HttpResponse<String> forced = http.post(server.baseUrl() + "/api/v1/login", "application/json",
                    Json.write(Map.of("username", agent, "password", GatewayClients.PASSWORD, "force", true)));
            assertThat(forced.statusCode()).isEqualTo(201);
            HttpResponse<String> r = api("/api/v2/me/channels/voice", "Cookie", cookie);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("xBasic");
            assertThat(Json.MAPPER.readTree(r.body()).get("statusCode").asInt()).isEqualTo(20);
        } finally {
            server.admin().patchSettings("default", Map.of("maxSessionsPerAccount", 5));
        }
    }

    @Test
    void apiWhenNoCredentialThenNative401WithBearerChallenge() {
        HttpResponse<String> r = api("/any");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(Json.MAPPER.readTree(r.body()).get("error").asString()).isEqualTo("invalid_session");
    }

    @Test
    void apiWhenRuleRefusesThen403AndWhenItAdmitsThenThrough() {
        server.admin().ok("PUT", "/tenants/default/gateway/rules", List.of(
                Map.of("pathPrefix", "/f/webapp-api-admin", "accessRights", List.of("admin")),
                Map.of("pathPrefix", "/ws/*/interaction/**", "channels", List.of("egain"),
                        "accountTypes", List.of("agent"))));
        String plain = logins.agent();
        String admin = logins.agentWithRights("admin");
        HttpResponse<String> refused = api("/f/webapp-api-admin/users", "X-Session-Token", logins.nativeSession(plain));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(refused.body()).get("error").asString()).isEqualTo("forbidden");
        assertThat(api("/f/./webapp-api-admin", "X-Session-Token", logins.nativeSession(plain)).statusCode())
                .isEqualTo(403);
        received(api("/f/webapp-api-admin/users", "X-Session-Token", logins.nativeSession(admin)));
        assertThat(api("/ws/v12/interaction/1", "X-Session-Token", logins.nativeSession(admin)).statusCode())
                .isEqualTo(403);
        received(api("/ws/v12/interaction/1", "X-egain-session", logins.egainV12(admin)));
    }
}
