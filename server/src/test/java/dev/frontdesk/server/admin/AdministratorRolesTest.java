package dev.frontdesk.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.AdminClient;
import dev.frontdesk.server.testing.NativeClient;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Named administrators (issue 18): each role's allowed and refused calls, and who the audit trail names. */
class AdministratorRolesTest {
    static TestServer server;
    static AdminClient owner;
    static AdminClient helpdesk;
    static AdminClient auditor;
    static AdminClient acmeAdmin;
    static String aliceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        owner = server.admin();
        owner.ok("PUT", "/tenants/acme", Map.of("hosts", List.of(), "settings", TestServer.TEST_DEFAULTS));
        owner.ok("PUT", "/tenants/other", Map.of("hosts", List.of()));
        aliceId = owner.createAgent("alice", "alice-password-1");
        owner.createAccount("acme", "bob", "bob-password-1", "agent");
        owner.createClient("default", "reporting", "reporting-secret-1");
        helpdesk = owner.createAdministrator(server.baseUrl(), "hana.help", "helpdesk-password-1", "helpdesk", null);
        auditor = owner.createAdministrator(server.baseUrl(), "audrey", "auditor-password-1", "auditor", null);
        acmeAdmin = owner.createAdministrator(server.baseUrl(), "acme-ops", "acme-ops-password-1", "tenant-admin",
                List.of("acme"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void ownerCreatesAdministratorThenListedWithoutSecrets() {
        JsonNode list = owner.ok("GET", "/administrators", null);
        assertThat(list.findValuesAsString("username")).contains("admin", "hana.help", "audrey", "acme-ops");
        JsonNode acme = owner.ok("GET", "/administrators/acme-ops", null);
        assertThat(acme.get("role").asString()).isEqualTo("tenant-admin");
        assertThat(acme.get("tenants").get(0).asString()).isEqualTo("acme");
        assertThat(acme.toString()).doesNotContain("password", "argon2");
        JsonNode bootstrap = owner.ok("GET", "/administrators/admin", null);
        assertThat(bootstrap.get("role").asString()).isEqualTo("owner");
        assertThat(bootstrap.get("bootstrap").asBoolean()).isTrue();
    }

    @Test
    void createAdministratorWhenInvalidThen400Or409() {
        assertThat(owner.call("POST", "/administrators", Map.of("username", "x", "password", "long-enough-password",
                "role", "superuser")).statusCode()).isEqualTo(400);
        assertThat(owner.call("POST", "/administrators", Map.of("username", "y", "password", "long-enough-password",
                "role", "tenant-admin")).statusCode()).isEqualTo(400);
        assertThat(owner.call("POST", "/administrators", Map.of("username", "z", "password", "short",
                "role", "auditor")).statusCode()).isEqualTo(400);
        assertThat(owner.call("POST", "/administrators", Map.of("username", "Audrey", "password",
                "long-enough-password", "role", "auditor")).statusCode()).isEqualTo(409);
    }

    @Test
    void bootstrapOwnerWhenDeletedOrDemotedThen400() {
        assertThat(owner.call("DELETE", "/administrators/admin", null).statusCode()).isEqualTo(400);
        assertThat(owner.call("PATCH", "/administrators/admin", Map.of("role", "auditor")).statusCode()).isEqualTo(400);
    }

    @Test
    void helpdeskWhenSupportingAgentsThenAllowed() {
        assertThat(helpdesk.call("GET", "/tenants/default/accounts", null).statusCode()).isEqualTo(200);
        assertThat(helpdesk.call("GET", "/tenants/default/accounts/" + aliceId, null).statusCode()).isEqualTo(200);
        assertThat(helpdesk.call("GET", "/tenants/default/sessions", null).statusCode()).isEqualTo(200);
        assertThat(helpdesk.call("PATCH", "/tenants/default/accounts/" + aliceId, Map.of("enabled", false))
                .statusCode()).isEqualTo(200);
        assertThat(helpdesk.call("PATCH", "/tenants/default/accounts/" + aliceId, Map.of("enabled", true))
                .statusCode()).isEqualTo(200);
        assertThat(helpdesk.call("PUT", "/tenants/default/accounts/" + aliceId + "/password",
                Map.of("password", "alice-password-1")).statusCode()).isEqualTo(204);
        new NativeClient(server.baseUrl()).loginOk("alice", "alice-password-1");
        assertThat(helpdesk.call("DELETE", "/tenants/default/sessions?username=alice", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void helpdeskWhenChangingSettingsClientsOrAccountDetailsThen403() {
        assertThat(helpdesk.call("PATCH", "/tenants/default/settings", Map.of("idleTimeoutSeconds", 60)).statusCode())
                .isEqualTo(403);
        assertThat(helpdesk.call("PUT", "/tenants/new", Map.of("hosts", List.of())).statusCode()).isEqualTo(403);
        assertThat(helpdesk.call("GET", "/tenants/default/clients", null).statusCode()).isEqualTo(403);
        assertThat(helpdesk.call("POST", "/tenants/default/clients", Map.of("clientId", "x")).statusCode())
                .isEqualTo(403);
        assertThat(helpdesk.call("PATCH", "/tenants/default/accounts/" + aliceId,
                Map.of("email", "a@example.com")).statusCode()).isEqualTo(403);
        assertThat(helpdesk.call("PATCH", "/tenants/default/accounts/" + aliceId,
                Map.of("enabled", true, "email", "a@example.com")).statusCode()).isEqualTo(403);
        assertThat(helpdesk.call("POST", "/tenants/default/accounts", Map.of("username", "mallory",
                "password", "mallory-password-1", "type", "agent")).statusCode()).isEqualTo(403);
        assertThat(helpdesk.call("DELETE", "/tenants/default/accounts/" + aliceId, null).statusCode()).isEqualTo(403);
        assertThat(helpdesk.call("GET", "/tenants/default/events", null).statusCode()).isEqualTo(403);
        assertThat(helpdesk.call("GET", "/administrators", null).statusCode()).isEqualTo(403);
        assertThat(helpdesk.call("POST", "/administrators", Map.of("username", "evil", "password",
                "evil-password-123", "role", "owner")).statusCode()).isEqualTo(403);
    }

    @Test
    void auditorWhenReadingThenAllowedIncludingEvents() {
        for (String path : List.of("/tenants", "/tenants/default", "/tenants/default/accounts",
                "/tenants/default/sessions", "/tenants/default/clients", "/tenants/default/events", "/administrators",
                "/events")) {
            assertThat(auditor.call("GET", path, null).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void auditorWhenChangingAnythingThen403() {
        assertThat(auditor.call("PATCH", "/tenants/default/accounts/" + aliceId, Map.of("enabled", false))
                .statusCode()).isEqualTo(403);
        assertThat(auditor.call("PUT", "/tenants/default/accounts/" + aliceId + "/password",
                Map.of("password", "whatever-password-1")).statusCode()).isEqualTo(403);
        assertThat(auditor.call("DELETE", "/tenants/default/sessions?username=alice", null).statusCode())
                .isEqualTo(403);
        assertThat(auditor.call("PATCH", "/tenants/default/settings", Map.of("idleTimeoutSeconds", 60)).statusCode())
                .isEqualTo(403);
        assertThat(auditor.call("DELETE", "/tenants/default/clients/reporting", null).statusCode()).isEqualTo(403);
        assertThat(auditor.call("DELETE", "/administrators/hana.help", null).statusCode()).isEqualTo(403);
    }

    @Test
    void tenantAdminWhenInOwnTenantThenEverythingElsewhereNothing() {
        assertThat(acmeAdmin.call("PATCH", "/tenants/acme/settings", Map.of("idleTimeoutSeconds", 600)).statusCode())
                .isEqualTo(200);
        assertThat(acmeAdmin.call("POST", "/tenants/acme/clients", Map.of("clientId", "acme-app")).statusCode())
                .isEqualTo(201);
        assertThat(acmeAdmin.call("POST", "/tenants/acme/accounts", Map.of("username", "carol",
                "password", "carol-password-1", "type", "agent")).statusCode()).isEqualTo(201);
        assertThat(acmeAdmin.call("GET", "/tenants/acme/events", null).statusCode()).isEqualTo(200);
        JsonNode tenants = acmeAdmin.ok("GET", "/tenants", null);
        assertThat(tenants.findValuesAsString("id")).containsExactly("acme");

        assertThat(acmeAdmin.call("GET", "/tenants/default/accounts", null).statusCode()).isEqualTo(403);
        assertThat(acmeAdmin.call("GET", "/tenants/other", null).statusCode()).isEqualTo(403);
        assertThat(acmeAdmin.call("PATCH", "/tenants/default/settings", Map.of("idleTimeoutSeconds", 60))
                .statusCode()).isEqualTo(403);
        assertThat(acmeAdmin.call("PUT", "/tenants/elsewhere", Map.of("hosts", List.of())).statusCode())
                .isEqualTo(403);
        assertThat(acmeAdmin.call("GET", "/administrators", null).statusCode()).isEqualTo(403);
        assertThat(acmeAdmin.call("GET", "/events", null).statusCode()).isEqualTo(403);
    }

    @Test
    void auditEventsWhenAnAdministratorActsThenNameIt() {
        owner.createAgent("dave", "dave-password-1");
        String daveId = owner.ok("GET", "/tenants/default/accounts?username=dave", null).get(0).get("id").asString();
        helpdesk.ok("PUT", "/tenants/default/accounts/" + daveId + "/password", Map.of("password", "dave-password-2"));
        JsonNode events = auditor.ok("GET", "/tenants/default/events?type=password.changed&username=dave", null);
        assertThat(events.findValuesAsString("actor")).containsExactly("hana.help");
        acmeAdmin.ok("PATCH", "/tenants/acme/settings", Map.of("maxSessionsPerAccount", 4));
        JsonNode acmeEvents = owner.ok("GET", "/tenants/acme/events?type=admin.change", null);
        assertThat(acmeEvents.findValuesAsString("actor")).contains("acme-ops");
        JsonNode serverEvents = auditor.ok("GET", "/events?type=admin.change&username=audrey", null);
        assertThat(serverEvents.findValuesAsString("actor")).containsExactly("admin");
        assertThat(serverEvents.get(0).get("detail").asString()).contains("administrator created: auditor");
    }

    @Test
    void administratorWhenDeletedOrPasswordChangedThenOldCredentialsRefused() {
        AdminClient temp = owner.createAdministrator(server.baseUrl(), "temp", "temp-password-123", "auditor", null);
        assertThat(temp.call("GET", "/tenants", null).statusCode()).isEqualTo(200);
        owner.ok("PATCH", "/administrators/temp", Map.of("password", "temp-password-456", "role", "helpdesk"));
        assertThat(temp.call("GET", "/tenants", null).statusCode()).isEqualTo(401);
        AdminClient renewed = new AdminClient(server.baseUrl(), "temp", "temp-password-456");
        assertThat(renewed.ok("GET", "/me", null).get("role").asString()).isEqualTo("helpdesk");
        assertThat(owner.call("DELETE", "/administrators/temp", null).statusCode()).isEqualTo(204);
        assertThat(renewed.call("GET", "/tenants", null).statusCode()).isEqualTo(401);
        assertThat(owner.call("DELETE", "/administrators/temp", null).statusCode()).isEqualTo(404);
    }

    @Test
    void meWhenAskedThenRoleAndPermissions() {
        JsonNode me = helpdesk.ok("GET", "/me", null);
        assertThat(me.get("username").asString()).isEqualTo("hana.help");
        assertThat(me.get("permissions").valueStream().map(JsonNode::asString).toList())
                .contains("sessions-end", "account-enable").doesNotContain("tenants-write", "clients-read");
    }

    @Test
    void wrongPasswordOfNamedAdministratorThen401() {
        HttpResponse<String> wrong = new AdminClient(server.baseUrl(), "audrey", "not-her-password")
                .call("GET", "/tenants", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
    }
}
