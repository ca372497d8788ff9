package dev.frontdesk.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, finding 13: {@code /metrics} answers the host itself, and anyone else only with the
 * configured bearer token. The test server trusts 127.0.0.1 as a proxy, so a request carrying
 * {@code X-Forwarded-For} is a remote client.
 */
class MetricsAccessTest {
    private static final String TOKEN = "metrics-token-0123456789";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("trustedProxies", List.of("127.0.0.1/32"), "metricsToken", TOKEN));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int metrics(String forwardedFor, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/metrics")).GET();
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Http.plain().send(request.build()).statusCode();
    }

    @Test
    void metricsWhenClientIsOnTheHostThen200() {
        assertThat(metrics(null, null)).isEqualTo(200);
    }

    @Test
    void metricsWhenRemoteClientWithoutTokenThen403() {
        assertThat(metrics("203.0.113.9", null)).isEqualTo(403);
    }

    @Test
    void metricsWhenRemoteClientWithWrongTokenThen403() {
        assertThat(metrics("203.0.113.9", "Bearer metrics-token-0123456788")).isEqualTo(403);
    }

    @Test
    void metricsWhenRemoteClientWithTheTokenThen200() {
        assertThat(metrics("203.0.113.9", "Bearer " + TOKEN)).isEqualTo(200);
    }
}
