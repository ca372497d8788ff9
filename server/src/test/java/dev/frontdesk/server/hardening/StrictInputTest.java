package dev.frontdesk.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, findings 7 and 9: a JSON object with a key twice is a 400 on every JSON endpoint (never
 * "last one wins"), and a client's reset link cannot be downgraded to http when the tenant's own reset
 * page is https.
 */
class StrictInputTest {
    private static final String TWICE = "{\"username\":\"nobody\",\"username\":\"dup-alice\",\"password\":\"dup-alice-password-1\"}";
    private static TestServer server;
    private final Http http = Http.plain();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.admin().createAgent("dup-alice", "dup-alice-password-1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void nativeLoginWhenUsernameGivenTwiceThen400AndNoSession() {
        HttpResponse<String> answer = http.post(server.baseUrl() + "/api/v1/login", "application/json", TWICE);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("duplicate field");
        assertThat(server.admin().sessions("default", "dup-alice").size()).isZero();
    }

    @Test
    void iserviceLoginWhenUsernameGivenTwiceThen400AndNoSession() {
        HttpResponse<String> answer = http.post(server.baseUrl() + "/f/webapp-api-login?api=login", "application/json",
                "{\"userName\":\"nobody\",\"userName\":\"dup-alice\",\"password\":\"dup-alice-password-1\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(server.admin().sessions("default", "dup-alice").size()).isZero();
    }

    @Test
    void egainLoginWhenUsernameGivenTwiceThen400() {
        HttpResponse<String> answer = http.post(server.baseUrl() + "/ws/v12/authentication/user/login",
                "application/json", "{\"userName\":\"nobody\",\"userName\":\"dup-alice\",\"password\":\"dup-alice-password-1\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(server.admin().sessions("default", "dup-alice").size()).isZero();
    }

    @Test
    void adminApiWhenFieldGivenTwiceThen400AndNothingCreated() {
        HttpResponse<String> twice = http.post(server.baseUrl() + "/admin/api/v1/tenants/default/accounts",
                "application/json", "{\"username\":\"dup-bob\",\"username\":\"dup-carol\",\"password\":\"dup-password-123\","
                        + "\"type\":\"agent\"}", "Authorization", Http.basic("admin", TestServer.ADMIN_PASSWORD));

        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("duplicate field");
        assertThat(server.admin().call("GET", "/tenants/default/accounts/dup-carol", null).statusCode()).isNotEqualTo(200);
    }

    @Test
    void resetSendWhenResetUrlIsPlainHttpOnATenantHostAndTheResetPageIsHttpsThenRefused() {
        server.admin().ok("PUT", "/tenants/resets", Map.of("hosts", List.of("portal.example.com"), "settings", Map.of(
                "mail", Map.of("host", "127.0.0.1", "port", 2525, "from", "portal@example.com", "startTls", false),
                "passwordResetUrl", "https://portal.example.com/PasswordReset.aspx")));
        String body = "{\"emailAddress\":\"someone@example.com\",\"resetUrl\":\"http://portal.example.com/PasswordReset.aspx\"}";
        try (var connection = new dev.frontdesk.server.testing.RawConnection(server.port())) {
            String answer = connection.exchange("POST /f/webapp-api-login?api=resetsend HTTP/1.1\r\nHost: portal.example.com\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                    + body);

            assertThat(answer).contains("The reset URL is not allowed for this site.");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
