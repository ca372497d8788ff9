package dev.frontdesk.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.AdminClient;
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

/** The admin API contract, including its answers to bad input. */
@ExtendWith(OpenApiContract.class)
class AdminApiTest {
    static TestServer server;
    static AdminClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void noCredentialsThen401WithBasicChallenge() {
        HttpResponse<String> response = Http.plain().get(server.baseUrl() + "/admin/api/v1/tenants");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        HttpResponse<String> wrong = Http.plain().get(server.baseUrl() + "/admin/api/v1/tenants",
                "Authorization", Http.basic("admin", "not-the-password"));
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedWrongAdminPasswordsThenThatAddressIsSlowedDown() {
        try (TestServer own = TestServer.start()) {
            HttpResponse<String> last = null;
            for (int i = 0; i < 6; i++) {
                last = Http.plain().get(own.baseUrl() + "/admin/api/v1/tenants",
                        "Authorization", Http.basic("admin", "guess-" + i));
                assertThat(last.statusCode()).isEqualTo(401);
            }
            assertThat(last.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void defaultTenantAlwaysExistsWithDocumentedDefaults() {
        JsonNode tenant = admin.ok("GET", "/tenants/default", null);
        JsonNode settings = tenant.get("settings");
        assertThat(settings.get("maxSessionsPerAccount").asInt()).isEqualTo(5);
        assertThat(settings.get("idleTimeoutSeconds").asInt()).isEqualTo(1800);
        assertThat(settings.get("agentIdleTimeoutSeconds").asInt()).isEqualTo(5400);
        assertThat(settings.get("maxLifetimeSeconds").asInt()).isEqualTo(43200);
        assertThat(settings.get("clientTokenLifetimeSeconds").asInt()).isEqualTo(86400);
        assertThat(settings.get("maxTokensPerClient").asInt()).isEqualTo(10);
        assertThat(settings.get("corsAllowedOrigins")).isEmpty();
        assertThat(settings.get("srsPingTimeoutSeconds").asInt()).isEqualTo(60);
        assertThat(settings.get("customerSessionLicenses").isNull()).isTrue();
    }

    @Test
    void putTenantCreatesThenReplacesAndPatchMerges() {
        HttpResponse<String> created = admin.call("PUT", "/tenants/acme",
                Map.of("hosts", List.of("acme.example.com"), "settings", Map.of("maxSessionsPerAccount", 3)));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode patched = admin.ok("PATCH", "/tenants/acme/settings", Map.of("idleTimeoutSeconds", 600));
        assertThat(patched.get("settings").get("maxSessionsPerAccount").asInt()).isEqualTo(3);
        assertThat(patched.get("settings").get("idleTimeoutSeconds").asInt()).isEqualTo(600);
        assertThat(patched.get("hosts").get(0).asString()).isEqualTo("acme.example.com");
        HttpResponse<String> replaced = admin.call("PUT", "/tenants/acme", Map.of("hosts", List.of()));
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(admin.ok("GET", "/tenants/acme", null).get("settings").get("maxSessionsPerAccount").asInt()).isEqualTo(5);
        assertThat(admin.ok("GET", "/tenants", null).findValuesAsString("id")).contains("default", "acme");
    }

    @Test
    void secretSettingsAreNeverReturned() {
        admin.ok("PUT", "/tenants/mailer", Map.of("settings", Map.of("mail", Map.of("host", "smtp.example.com",
                "port", 587, "from", "help@example.com", "startTls", true, "username", "u", "password", "smtp-pass-9"))));
        String body = admin.call("GET", "/tenants/mailer", null).body();
        assertThat(body).doesNotContain("smtp-pass-9").contains("\"passwordSet\":true");
    }

    @Test
    void invalidJsonThen400() {
        HttpResponse<String> response = admin.call("POST", "/tenants/default/accounts", "{\"username\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).get("error").asString()).isNotBlank();
    }

    @Test
    void unknownFieldThen400NamingIt() {
        HttpResponse<String> response = admin.call("POST", "/tenants/default/accounts",
                Map.of("username", "x1", "password", "x1-password-1", "type", "agent", "colour", "red"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).get("field").asString()).isEqualTo("colour");
    }

    @Test
    void wrongTypeThen400NamingTheField() {
        HttpResponse<String> response = admin.call("POST", "/tenants/default/accounts",
                "{\"username\":\"x2\",\"password\":\"x2-password-1\",\"type\":\"agent\",\"idleTimeoutSeconds\":\"soon\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).get("field").asString()).isEqualTo("idleTimeoutSeconds");
        HttpResponse<String> setting = admin.call("PATCH", "/tenants/default/settings", "{\"maxSessionsPerAccount\":\"five\"}");
        assertThat(setting.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(setting.body()).get("field").asString()).isEqualTo("maxSessionsPerAccount");
    }

    @Test
    void missingRequiredFieldThen400NamingIt() {
        HttpResponse<String> response = admin.call("POST", "/tenants/default/accounts",
                Map.of("username", "x3", "type", "agent"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).get("field").asString()).isEqualTo("password");
        HttpResponse<String> badType = admin.call("POST", "/tenants/default/accounts",
                Map.of("username", "x4", "password", "x4-password-1", "type", "robot"));
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(badType.body()).get("field").asString()).isEqualTo("type");
    }

    @Test
    void invalidSettingValueThen400() {
        HttpResponse<String> response = admin.call("PATCH", "/tenants/default/settings", Map.of("maxSessionsPerAccount", 0));
        assertThat(response.statusCode()).isEqualTo(400);
        HttpResponse<String> bareStar = admin.call("PATCH", "/tenants/default/settings",
                Map.of("corsAllowedOrigins", List.of("*")));
        assertThat(bareStar.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(bareStar.body()).get("field").asString()).isEqualTo("corsAllowedOrigins");
    }

    @Test
    void unknownTenantAccountOrClientThen404() {
        assertThat(admin.call("GET", "/tenants/nowhere", null).statusCode()).isEqualTo(404);
        assertThat(admin.call("GET", "/tenants/nowhere/accounts", null).statusCode()).isEqualTo(404);
        assertThat(admin.call("GET", "/tenants/default/accounts/no-such-id", null).statusCode()).isEqualTo(404);
        assertThat(admin.call("DELETE", "/tenants/default/accounts/no-such-id", null).statusCode()).isEqualTo(404);
        assertThat(admin.call("GET", "/tenants/default/clients/no-such-client", null).statusCode()).isEqualTo(404);
        assertThat(admin.call("PATCH", "/tenants/nowhere/settings", Map.of("idleTimeoutSeconds", 5)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void duplicateUsernameIgnoringCaseThen409() {
        admin.createAgent("Twin", "twin-password-1");
        HttpResponse<String> again = admin.call("POST", "/tenants/default/accounts",
                Map.of("username", "twin", "password", "twin-password-2", "type", "agent"));
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void accountIsReturnedWithoutPasswordAndCanBeSearchedAndEdited() {
        HttpResponse<String> created = admin.call("POST", "/tenants/default/accounts", Map.of("username", "ann",
                "password", "ann-password-1", "type", "customer", "email", "ann@example.com", "firstName", "Ann",
                "accessRights", List.of("chat"), "segments", List.of("s1")));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("ann-password-1").doesNotContain("argon2");
        String id = Json.MAPPER.readTree(created.body()).get("id").asString();
        JsonNode found = admin.ok("GET", "/tenants/default/accounts?username=ANN&type=customer", null);
        assertThat(found).hasSize(1);
        JsonNode edited = admin.ok("PATCH", "/tenants/default/accounts/" + id,
                Map.of("lastName", "Lee", "segments", List.of("s2")));
        assertThat(edited.get("lastName").asString()).isEqualTo("Lee");
        assertThat(edited.get("segments").get(0).asString()).isEqualTo("s2");
        assertThat(admin.call("PATCH", "/tenants/default/accounts/" + id, Map.of("username", "renamed")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void passwordChangeThroughAdminThenOldPasswordFailsAndSessionsEnd() {
        String id = admin.createAgent("rotator", "rotator-password-1");
        var api = new dev.frontdesk.server.testing.NativeClient(server.baseUrl());
        String session = api.loginOk("rotator", "rotator-password-1");
        HttpResponse<String> changed = admin.call("PUT", "/tenants/default/accounts/" + id + "/password",
                Map.of("password", "rotator-password-2"));
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(api.sessionStatus(session)).isEqualTo(401);
        assertThat(api.login("rotator", "rotator-password-1", false).statusCode()).isEqualTo(401);
        assertThat(api.login("rotator", "rotator-password-2", false).statusCode()).isEqualTo(201);
        assertThat(admin.call("PUT", "/tenants/default/accounts/" + id + "/password", Map.of("password", "short"))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void clientSecretIsShownOnceThenNever() {
        HttpResponse<String> created = admin.call("POST", "/tenants/default/clients", Map.of("clientId", "flows"));
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = Json.MAPPER.readTree(created.body()).get("clientSecret").asString();
        assertThat(secret).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(admin.call("GET", "/tenants/default/clients/flows", null).body()).doesNotContain(secret);
        assertThat(admin.call("POST", "/tenants/default/clients", Map.of("clientId", "flows")).statusCode()).isEqualTo(409);
        assertThat(admin.call("DELETE", "/tenants/default/clients/flows", null).statusCode()).isEqualTo(204);
        assertThat(admin.call("GET", "/tenants/default/clients/flows", null).statusCode()).isEqualTo(404);
    }

    @Test
    void eventsCanBeFilteredAndLimited() {
        admin.createAgent("evented", "evented-password-1");
        var api = new dev.frontdesk.server.testing.NativeClient(server.baseUrl());
        api.login("evented", "wrong-password-1", false);
        api.loginOk("evented", "evented-password-1");
        JsonNode failures = admin.ok("GET", "/tenants/default/events?type=login.failed&username=evented", null);
        assertThat(failures).hasSize(1);
        assertThat(admin.ok("GET", "/tenants/default/events?limit=1", null)).hasSize(1);
        assertThat(admin.call("GET", "/tenants/default/events?type=nonsense", null).statusCode()).isEqualTo(400);
        assertThat(admin.call("GET", "/tenants/default/events?limit=abc", null).statusCode()).isEqualTo(400);
    }
}
