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

/** The forward-auth endpoint spoken to directly, as a proxy would: credentials, identity headers, rules, 401s. */
class ForwardAuthTest {
    static final MutableClock CLOCK = MutableClock.startingNow();
    static TestServer server;
    static GatewayClients logins;
    static final Http http = Http.plain();

    @BeforeAll
    static void start() {
        server = TestServer.start(CLOCK, List.of("127.0.0.1/32"));
        logins = new GatewayClients(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void noRules() {
        server.admin().ok("PUT", "/tenants/default/gateway/rules", List.of());
    }

    private HttpResponse<String> verify(String... headers) {
        return http.get(server.baseUrl() + "/auth/verify", headers);
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void verifyWhenEgainSessionThenIdentityHeadersWithRefNotSessionId() {
        String user = logins.agentWithRights("kb.read", "admin");
        String session = logins.egainV12(user);
        HttpResponse<String> r = verify("X-egain-session", session, "X-Original-URI", "/ws/v12/interaction/7/attachment");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "X-Frontdesk-Tenant")).isEqualTo("default");
        assertThat(header(r, "X-Frontdesk-User")).isEqualTo(user);
        assertThat(header(r, "X-Frontdesk-Account-Type")).isEqualTo("agent");
        assertThat(header(r, "X-Frontdesk-Channel")).isEqualTo("egain-v12");
        assertThat(header(r, "X-Frontdesk-Access-Rights")).isEqualTo("kb.read,admin");
        String ref = server.admin().sessions("default", user).get(0).get("ref").asString();
        assertThat(header(r, "X-Frontdesk-Session-Ref")).isEqualTo(ref).isNotEqualTo(session);
        assertThat(r.headers().map().values().toString()).doesNotContain(session);
    }

    @Test
    void verifyWhenEachDialectsCredentialThenItsChannel() {
        String agent = logins.agent();
        String customer = logins.customer();
        assertThat(header(verify("X-egain-session", logins.egainV15(customer)), "X-Frontdesk-Channel")).isEqualTo("egain-v15");
        assertThat(header(verify("Cookie", "iservice-session=" + logins.iservice(customer)), "X-Frontdesk-Channel"))
                .isEqualTo("iservice");
        assertThat(header(verify("Cookie", "JSESSIONID=" + logins.srs(agent)), "X-Frontdesk-Channel")).isEqualTo("srs");
        String nativeSession = logins.nativeSession(agent);
        assertThat(header(verify("Authorization", "Bearer " + nativeSession), "X-Frontdesk-Channel")).isEqualTo("native");
        assertThat(header(verify("X-Session-Token", nativeSession), "X-Frontdesk-User")).isEqualTo(agent);
        HttpResponse<String> token = verify("Authorization", "Bearer " + logins.accessToken("reporting"));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(header(token, "X-Frontdesk-Client-Id")).isEqualTo("reporting");
        assertThat(header(token, "X-Frontdesk-Channel")).isEqualTo("oauth2");
        assertThat(header(token, "X-Frontdesk-User")).isEmpty();
    }

    @Test
    void verifyWhenCredentialOfAnotherDialectsHeaderThenRefusedInThatDialect() {
        String customer = logins.customer();
        // an iService session is not an eGain session, even presented in eGain's header
        HttpResponse<String> r = verify("X-egain-session", logins.iservice(customer), "Accept", "application/json");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(r.body()).get("message").asString()).contains("Invalid session ID");
    }

    @Test
    void verifyWhenNoCredentialThenNative401WithBearerChallenge() {
        HttpResponse<String> r = verify("X-Original-URI", "/anything");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(header(r, "WWW-Authenticate")).startsWith("Bearer");
        assertThat(Json.MAPPER.readTree(r.body()).get("error").asString()).isEqualTo("invalid_session");
    }

    @Test
    void verifyWhenEgainSessionEndedThenEgainXml401() {
        String user = logins.agent();
        String session = logins.egainV12(user);
        assertThat(http.method("DELETE", server.baseUrl() + "/system/ws/v12/authentication/user/logout", null, null,
                "X-egain-session", session).statusCode()).isEqualTo(204);
        HttpResponse<String> r = verify("X-egain-session", session, "Accept", "application/xml");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(header(r, "Content-Type")).startsWith("application/xml");
        assertThat(r.body()).contains("<error xmlns=\"http://bindings.egain.com/ws/model/v12/gen/platform\">")
                .contains("Invalid session ID");
    }

    @Test
    void verifyWhenIServiceAndSrsSessionsUnknownThenTheirOwn401() {
        HttpResponse<String> iservice = verify("Cookie", "iservice-session=00000000-0000-0000-0000-000000000000");
        assertThat(iservice.statusCode()).isEqualTo(401);
        JsonNode body = Json.MAPPER.readTree(iservice.body());
        assertThat(body.get("errors").get(0).asString()).isEqualTo("You are not logged in.");
        assertThat(body.has("loggedIn")).isTrue();
        HttpResponse<String> srs = verify("Cookie", "JSESSIONID=00000000-0000-0000-0000-000000000000");
        assertThat(srs.statusCode()).isEqualTo(401);
        assertThat(header(srs, "WWW-Authenticate")).startsWith("xBasic");
        assertThat(Json.MAPPER.readTree(srs.body()).get("statusCode").asInt()).isEqualTo(20);
    }

    @Test
    void verifyWhenSessionIdleTooLongThen401() {
        String user = logins.agent();
        String session = logins.nativeSession(user);
        assertThat(verify("X-Session-Token", session).statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofHours(2));
        assertThat(verify("X-Session-Token", session).statusCode()).isEqualTo(401);
    }

    @Test
    void verifyWhenSessionEvictedByForcedLoginThen401() {
        server.admin().patchSettings("default", Map.of("maxSessionsPerAccount", 1));
        try {
            String user = logins.agent();
            String first = logins.nativeSession(user);
            HttpResponse<String> forced = http.post(server.baseUrl() + "/api/v1/login", "application/json",
                    Json.write(Map.of("username", user, "password", GatewayClients.PASSWORD, "force", true)));
            assertThat(forced.statusCode()).isEqualTo(201);
            assertThat(verify("X-Session-Token", first).statusCode()).isEqualTo(401);
        } finally {
            server.admin().patchSettings("default", Map.of("maxSessionsPerAccount", 5));
        }
    }

    @Test
    void verifyWhenRuleNeedsAccessRightThen403WithoutAnd200With() {
        server.admin().ok("PUT", "/tenants/default/gateway/rules",
                List.of(Map.of("pathPrefix", "/f/webapp-api-admin", "accessRights", List.of("admin"))));
        String plain = logins.nativeSession(logins.agent());
        String admin = logins.nativeSession(logins.agentWithRights("admin"));
        assertThat(verify("X-Session-Token", plain, "X-Original-URI", "/f/webapp-api-admin?x=1").statusCode())
                .isEqualTo(403);
        assertThat(verify("X-Session-Token", admin, "X-Original-URI", "/f/webapp-api-admin/users").statusCode())
                .isEqualTo(200);
        assertThat(verify("X-Session-Token", plain, "X-Original-URI", "/f/webapp-api-login").statusCode())
                .isEqualTo(200);
    }

    @Test
    void verifyWhenPathSpelledToDodgeRuleThenStillRefused() {
        server.admin().ok("PUT", "/tenants/default/gateway/rules",
                List.of(Map.of("pathPrefix", "/f/webapp-api-admin", "accessRights", List.of("admin"))));
        String plain = logins.nativeSession(logins.agent());
        for (String path : List.of("/f/./webapp-api-admin", "/f//webapp-api-admin", "/x/../f/webapp-api-admin",
                "/f;jsessionid=1/webapp-api-admin", "/f/%77ebapp-api-admin", "/f/webapp-api-admin;x",
                "/f%2Fwebapp-api-admin", "/f\\webapp-api-admin", "/../f/webapp-api-admin", "f/webapp-api-admin")) {
            assertThat(verify("X-Session-Token", plain, "X-Original-URI", path).statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void verifyWhenTenantHasNoRulesThenOriginalPathNotJudged() {
        String session = logins.nativeSession(logins.agent());
        assertThat(verify("X-Session-Token", session, "X-Original-URI", "/kb/articles/a%2Fb").statusCode())
                .isEqualTo(200);
    }

    @Test
    void verifyWhenRuleNeedsEgainAgentThenChannelFamilyMethodAndTypeDecide() {
        server.admin().ok("PUT", "/tenants/default/gateway/rules", List.of(
                Map.of("pathPrefix", "/ws/*/interaction/**/attachment", "methods", List.of("get"),
                        "channels", List.of("egain"), "accountTypes", List.of("agent"))));
        String agent = logins.agent();
        String egain = logins.egainV12(agent);
        String nativeSession = logins.nativeSession(agent);
        String customer = logins.egainV15(logins.customer());
        String path = "/ws/v12/interaction/42/activity/9/attachment/3";
        assertThat(verify("X-egain-session", egain, "X-Original-URI", path).statusCode()).isEqualTo(200);
        assertThat(verify("X-Session-Token", nativeSession, "X-Original-URI", path).statusCode()).isEqualTo(403);
        assertThat(verify("X-egain-session", customer, "X-Original-URI", path).statusCode()).isEqualTo(403);
        // the rule is for GET only: another method is not selected by it, and the default admits
        assertThat(verify("X-Session-Token", nativeSession, "X-Original-URI", path, "X-Original-Method", "POST")
                .statusCode()).isEqualTo(200);
        // Traefik's headers and Envoy's appended path say the same
        assertThat(verify("X-Session-Token", nativeSession, "X-Forwarded-Uri", path, "X-Forwarded-Method", "GET")
                .statusCode()).isEqualTo(403);
        assertThat(http.get(server.baseUrl() + "/auth/verify" + path, "X-Session-Token", nativeSession).statusCode())
                .isEqualTo(403);
        assertThat(http.get(server.baseUrl() + "/auth/verify" + path, "X-egain-session", egain).statusCode())
                .isEqualTo(200);
    }

    @Test
    void verifyWhenForwardedHostNamesAnotherTenantThenSessionOfDefaultRefused() {
        // the acme tenant claims "localhost": logging in at http://localhost:port is logging in to acme
        server.admin().ok("PUT", "/tenants/acme", Map.of("hosts", List.of("localhost")));
        server.admin().patchSettings("acme", TestServer.TEST_DEFAULTS);
        String user = GatewayClients.unique("acme-agent");
        server.admin().createAccount("acme", user, GatewayClients.PASSWORD, "agent");
        String defaultSession = logins.nativeSession(logins.agent());
        HttpResponse<String> acmeLogin = http.post("http://localhost:" + server.port() + "/api/v1/login",
                "application/json", Json.write(Map.of("username", user, "password", GatewayClients.PASSWORD)));
        assertThat(acmeLogin.statusCode()).isEqualTo(201);
        String acmeSession = Json.MAPPER.readTree(acmeLogin.body()).get("session").asString();

        HttpResponse<String> acme = verify("X-Session-Token", acmeSession, "X-Forwarded-Host", "localhost");
        assertThat(acme.statusCode()).isEqualTo(200);
        assertThat(header(acme, "X-Frontdesk-Tenant")).isEqualTo("acme");
        assertThat(verify("X-Session-Token", defaultSession, "X-Forwarded-Host", "localhost").statusCode())
                .isEqualTo(401);
        assertThat(verify("X-Session-Token", acmeSession).statusCode()).isEqualTo(401);
    }

    @Test
    void rulesWhenPutThenGetShowsThemInOrderAndBadOnesAre400() {
        List<Map<String, Object>> rules = List.of(
                Map.of("pathPrefix", "/ws/*/interaction/**", "channels", List.of("egain"), "accountTypes", List.of("agent")),
                Map.of("pathPrefix", "/f/webapp-api-admin", "methods", List.of("POST", "PUT"),
                        "accessRights", List.of("admin")));
        server.admin().ok("PUT", "/tenants/default/gateway/rules", rules);
        JsonNode shown = server.admin().ok("GET", "/tenants/default/gateway/rules", null);
        assertThat(shown.size()).isEqualTo(2);
        assertThat(shown.get(0).get("pathPrefix").asString()).isEqualTo("/ws/*/interaction/**");
        assertThat(shown.get(1).get("methods").toString()).isEqualTo("[\"POST\",\"PUT\"]");
        assertThat(shown.get(0).has("methods")).isFalse();

        for (Object bad : List.of(List.of(Map.of("pathPrefix", "no-slash")),
                List.of(Map.of("pathPrefix", "/a*b")),
                List.of(Map.of("pathPrefix", "/a", "accountTypes", List.of("robot"))),
                List.of(Map.of("pathPrefix", "/a", "colour", "red")),
                List.of(Map.of("methods", List.of("GET"))),
                Map.of("pathPrefix", "/a"))) {
            assertThat(server.admin().call("PUT", "/tenants/default/gateway/rules", bad).statusCode()).as(bad.toString())
                    .isEqualTo(400);
        }
        assertThat(server.admin().ok("GET", "/tenants/default/gateway/rules", null).size()).isEqualTo(2);
        assertThat(server.admin().call("GET", "/tenants/nope/gateway/rules", null).statusCode()).isEqualTo(404);
        assertThat(http.get(server.baseUrl() + "/admin/api/v1/tenants/default/gateway/rules").statusCode())
                .isEqualTo(401);
    }

    @Test
    void rulesWhenServerRestartsThenStillThere() {
        server.admin().ok("PUT", "/tenants/default/gateway/rules",
                List.of(Map.of("pathPrefix", "/kept", "accessRights", List.of("x"))));
        assertThat(server.server().core().gatewayRules().of("default")).hasSize(1);
        server.server().core().gatewayRules().reload();
        assertThat(server.server().core().gatewayRules().of("default")).hasSize(1);
    }
}
