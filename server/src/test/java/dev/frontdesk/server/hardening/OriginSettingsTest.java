package dev.frontdesk.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code corsAllowedOrigins} has one grammar, checked when it is set (Public Suffix List for wildcards). */
class OriginSettingsTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> set(String origin) {
        return server.admin().call("PATCH", "/tenants/default/settings",
                Map.of("corsAllowedOrigins", List.of(origin)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://*.com", "https://*.co.uk", "https://*.github.io", "https://*", "https://a.*.com",
        "ftp://desk.example.com", "https://desk.example.com/path", "*"})
    void wildcardAbovePublicSuffixOrOutsideTheGrammarWhenSetThen400(String origin) {
        HttpResponse<String> response = set(origin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("corsAllowedOrigins");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://*.example.com", "https://desk.example.co.uk", "http://localhost:3000",
        "https://*.contact.example.org:8443"})
    void originInTheGrammarWhenSetThenAccepted(String origin) {
        assertThat(set(origin).statusCode()).isEqualTo(200);
    }
}
