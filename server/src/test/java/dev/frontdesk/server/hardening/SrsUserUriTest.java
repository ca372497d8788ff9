package dev.frontdesk.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.RawConnection;
import dev.frontdesk.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 14, finding 13: the SRS {@code user.uri} never comes from an unchecked {@code Host} header. */
class SrsUserUriTest {
    private static final String PASSWORD = "uri-agent-password-1";
    private static TestServer server;
    private static String id;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        id = server.admin().createAgent("uri-agent", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String me(String host) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("uri-agent:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (RawConnection connection = new RawConnection(server.port())) {
            return connection.exchange("GET /api/v2/me HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Basic " + basic
                    + "\r\nConnection: close\r\n\r\n");
        }
    }

    @Test
    void meWhenHostIsForeignAndNoBaseUrlThenNoUriFromIt() throws Exception {
        server.admin().patchSettings("default", Map.of("publicBaseUrl", ""));

        String answer = me("attacker.example.net");

        assertThat(RawConnection.status(answer)).isEqualTo(200);
        assertThat(answer).doesNotContain("attacker.example.net").doesNotContain("\"uri\"");
    }

    @Test
    void meWhenPublicBaseUrlIsSetThenUriUsesItWhateverTheHost() throws Exception {
        server.admin().patchSettings("default", Map.of("publicBaseUrl", "https://agents.example.com/"));
        try {
            String answer = me("attacker.example.net");

            assertThat(RawConnection.status(answer)).isEqualTo(200);
            assertThat(answer).contains("\"uri\":\"https://agents.example.com/api/v2/users/" + id + "\"")
                    .doesNotContain("attacker.example.net");
        } finally {
            server.admin().patchSettings("default", Map.of("publicBaseUrl", ""));
        }
    }

    @Test
    void publicBaseUrlWithQueryOrUserInfoThenRefused() {
        assertThat(server.admin().call("PATCH", "/tenants/default/settings",
                Map.of("publicBaseUrl", "https://user@agents.example.com")).statusCode()).isEqualTo(400);
        assertThat(server.admin().call("PATCH", "/tenants/default/settings",
                Map.of("publicBaseUrl", "https://agents.example.com/?x=1")).statusCode()).isEqualTo(400);
    }
}
