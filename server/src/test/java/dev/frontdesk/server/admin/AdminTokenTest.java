package dev.frontdesk.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.AdminClient;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Automation without passwords (issue 18): service clients with an adminRole and scope=admin tokens. */
class AdminTokenTest {
    static TestServer server;
    static AdminClient owner;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        owner = server.admin();
        owner.ok("PUT", "/tenants/acme", Map.of("hosts", List.of()));
        owner.createAgent("alice", "alice-password-1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> tokenResponse(String clientId, String secret, String scope) {
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope);
        return Http.plain().post(server.baseUrl() + "/oauth2/token", "application/x-www-form-urlencoded", form,
                "Authorization", Http.basic(clientId, secret));
    }

    private static String token(String clientId, String secret, String scope) {
        HttpResponse<String> response = tokenResponse(clientId, secret, scope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body()).get("access_token").asString();
    }

    private static void createAdminClient(String clientId, String role, List<String> tenants) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("clientId", clientId,
                "clientSecret", clientId + "-secret-1", "adminRole", role));
        if (tenants != null) {
            body.put("tenants", tenants);
        }
        JsonNode created = owner.ok("POST", "/tenants/default/clients", body);
        assertThat(created.get("adminRole").asString()).isEqualTo(role);
    }

    @Test
    void adminScopedTokenWhenUsedThenExactlyTheClientsRole() {
        createAdminClient("robot", "helpdesk", null);
        HttpResponse<String> response = tokenResponse("robot", "robot-secret-1", "admin");
        assertThat(Json.MAPPER.readTree(response.body()).get("scope").asString()).isEqualTo("admin");
        AdminClient robot = AdminClient.bearer(server.baseUrl(),
                Json.MAPPER.readTree(response.body()).get("access_token").asString());
        assertThat(robot.call("GET", "/tenants/default/accounts", null).statusCode()).isEqualTo(200);
        assertThat(robot.call("DELETE", "/tenants/default/sessions?username=alice", null).statusCode()).isEqualTo(200);
        assertThat(robot.call("PATCH", "/tenants/default/settings", Map.of("idleTimeoutSeconds", 60)).statusCode())
                .isEqualTo(403);
        assertThat(robot.call("GET", "/tenants/default/clients", null).statusCode()).isEqualTo(403);
        assertThat(robot.call("GET", "/me", null).statusCode()).isEqualTo(403);

        String aliceId = owner.ok("GET", "/tenants/default/accounts?username=alice", null).get(0).get("id").asString();
        robot.ok("PUT", "/tenants/default/accounts/" + aliceId + "/password", Map.of("password", "alice-password-2"));
        JsonNode events = owner.ok("GET", "/tenants/default/events?type=password.changed&username=alice", null);
        assertThat(events.findValuesAsString("actor")).containsExactly("client:robot");
    }

    @Test
    void tokenWithoutAdminScopeWhenPresentedToAdminApiThen403() {
        createAdminClient("cron", "owner", null);
        AdminClient plain = AdminClient.bearer(server.baseUrl(), token("cron", "cron-secret-1", null));
        HttpResponse<String> refused = plain.call("GET", "/tenants", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("insufficient_scope"));
        AdminClient scoped = AdminClient.bearer(server.baseUrl(), token("cron", "cron-secret-1", "admin"));
        assertThat(scoped.call("GET", "/administrators", null).statusCode()).isEqualTo(200);
    }

    @Test
    void clientWithoutAdminRoleWhenAskingForAdminScopeThenInvalidScope() {
        owner.createClient("default", "webex", "webex-secret-1");
        HttpResponse<String> response = tokenResponse("webex", "webex-secret-1", "admin");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).get("error").asString()).isEqualTo("invalid_scope");
        AdminClient plain = AdminClient.bearer(server.baseUrl(), token("webex", "webex-secret-1", null));
        assertThat(plain.call("GET", "/tenants", null).statusCode()).isEqualTo(403);
    }

    @Test
    void tenantAdminClientWhenOutsideItsTenantsThen403() {
        createAdminClient("acme-bot", "tenant-admin", List.of("acme"));
        AdminClient bot = AdminClient.bearer(server.baseUrl(), token("acme-bot", "acme-bot-secret-1", "admin"));
        assertThat(bot.call("GET", "/tenants/acme/accounts", null).statusCode()).isEqualTo(200);
        assertThat(bot.call("GET", "/tenants/default/accounts", null).statusCode()).isEqualTo(403);
    }

    @Test
    void revokedTokenOrDeletedClientThen401() {
        createAdminClient("temp-bot", "auditor", null);
        String first = token("temp-bot", "temp-bot-secret-1", "admin");
        String second = token("temp-bot", "temp-bot-secret-1", "admin");
        HttpResponse<String> revoke = Http.plain().post(server.baseUrl() + "/oauth2/revoke",
                "application/x-www-form-urlencoded", "", "Authorization", "Bearer " + first);
        assertThat(revoke.statusCode()).isEqualTo(204);
        assertThat(AdminClient.bearer(server.baseUrl(), first).call("GET", "/tenants", null).statusCode()).isEqualTo(401);
        assertThat(AdminClient.bearer(server.baseUrl(), second).call("GET", "/tenants", null).statusCode()).isEqualTo(200);
        owner.ok("DELETE", "/tenants/default/clients/temp-bot", null);
        assertThat(AdminClient.bearer(server.baseUrl(), second).call("GET", "/tenants", null).statusCode()).isEqualTo(401);
        assertThat(AdminClient.bearer(server.baseUrl(), "not-a-token").call("GET", "/tenants", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void adminRoleWhenNotOwnerOrNotDefaultTenantThenRefused() {
        AdminClient defaultAdmin = owner.createAdministrator(server.baseUrl(), "default-ops", "default-ops-pass-1",
                "tenant-admin", List.of("default", "acme"));
        assertThat(defaultAdmin.call("POST", "/tenants/default/clients", Map.of("clientId", "sneaky",
                "adminRole", "owner")).statusCode()).isEqualTo(403);
        assertThat(defaultAdmin.call("POST", "/tenants/default/clients", Map.of("clientId", "plain-app"))
                .statusCode()).isEqualTo(201);
        assertThat(owner.call("POST", "/tenants/acme/clients", Map.of("clientId", "acme-robot",
                "adminRole", "auditor")).statusCode()).isEqualTo(400);
        assertThat(owner.call("POST", "/tenants/default/clients", Map.of("clientId", "half",
                "adminRole", "tenant-admin")).statusCode()).isEqualTo(400);
        createAdminClient("guarded", "auditor", null);
        assertThat(defaultAdmin.call("DELETE", "/tenants/default/clients/guarded", null).statusCode()).isEqualTo(403);
    }
}
