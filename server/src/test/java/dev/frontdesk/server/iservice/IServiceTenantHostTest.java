package dev.frontdesk.server.iservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** https://<tenant-host>/f/webapp-api-login is served by the tenant that claims the host. */
class IServiceTenantHostTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.admin().ok("PUT", "/tenants/acme", Map.of("hosts", List.of("acme.example.com"),
                "settings", Map.of("broadcastMessage", "Welcome to Acme")));
        server.admin().createAccount("acme", "ann", "acme password 1", "customer");
        server.admin().createAccount("default", "bea", "default password 2", "customer");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Response call(String host, String api, String body, String cookie) throws Exception {
        return RawHttp.post(server.port(), host, "/f/webapp-api-login?api=" + api, FORM, body, cookie);
    }

    @Test
    void loginWhenHostBelongsToTenantThenThatTenantsAccountLogsInAndTenantIdIsItsOwn() throws Exception {
        var result = call("acme.example.com", "login", IServiceClient.formBody("username", "ann",
                "password", "acme password 1"), null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("loggedIn").get("isLoggedIn").asBoolean()).isTrue();
        assertThat(result.json().get("loggedIn").get("tenantID").asString()).isEqualTo("acme");
        assertThat(result.json().get("loggedIn").get("broadcastMessage").asString()).isEqualTo("Welcome to Acme");
        assertThat(server.admin().sessions("acme", "ann").size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void loginWhenHostCarriesAPortThenTenantStillFound() throws Exception {
        var result = call("acme.example.com:8443", "login", IServiceClient.formBody("username", "ann",
                "password", "acme password 1"), null);

        assertThat(result.json().get("loggedIn").get("tenantID").asString()).isEqualTo("acme");
    }

    @Test
    void loginWhenAccountBelongsToAnotherTenantThenRefused() throws Exception {
        var annOnDefault = call("127.0.0.1", "login", IServiceClient.formBody("username", "ann",
                "password", "acme password 1"), null);
        var beaOnAcme = call("acme.example.com", "login", IServiceClient.formBody("username", "bea",
                "password", "default password 2"), null);

        assertThat(annOnDefault.json().get("loggedIn").get("isLoggedIn").asBoolean()).isFalse();
        assertThat(beaOnAcme.json().get("loggedIn").get("isLoggedIn").asBoolean()).isFalse();
    }

    @Test
    void loggedInWhenCookieOfOneTenantSentToAnotherTenantsHostThenNotLoggedIn() throws Exception {
        String session = call("acme.example.com", "login", IServiceClient.formBody("username", "ann",
                "password", "acme password 1"), null).sessionId().orElseThrow();

        var sameTenant = call("acme.example.com", "loggedin", "", session);
        var otherTenant = call("127.0.0.1", "loggedin", "", session);

        assertThat(sameTenant.json().get("loggedIn").get("isLoggedIn").asBoolean()).isTrue();
        assertThat(otherTenant.json().get("loggedIn").get("isLoggedIn").asBoolean()).isFalse();
    }

    @Test
    void loggedInWhenDefaultHostThenDefaultTenant() throws Exception {
        String session = call("127.0.0.1", "login", IServiceClient.formBody("username", "bea",
                "password", "default password 2"), null).sessionId().orElseThrow();

        var result = call("127.0.0.1", "loggedin", "", session);

        assertThat(result.json().get("loggedIn").get("tenantID").asString()).isEqualTo("default");
    }
}
