package dev.frontdesk.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A body over the limit is answered with 413 every time, whether or not the client waits for
 * {@code 100 Continue}: the server reads the body before it answers, so no connection reset races the
 * answer, and the connection stays usable.
 */
class OversizedBodyTest {
    private static final int REPEATS = 20;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/login, application/json",
            "/oauth2/token, application/x-www-form-urlencoded",
            "/ws/v12/authentication/user/login, application/json",
            "/system/ws/v15/context/authentication/user/login, application/xml",
            "/f/webapp-api-login?api=login, application/x-www-form-urlencoded",
            "/api/v2/me, application/json"})
    void bodyOverTheLimitWithoutExpectContinueThen413EveryTime(String path, String contentType) {
        Http http = Http.plain();
        byte[] body = filled(200_000);
        for (int i = 0; i < REPEATS; i++) {
            HttpResponse<String> response = http.postBytes(server.baseUrl() + path, contentType, body);
            assertThat(response.statusCode()).as("attempt %d", i).isEqualTo(413);
        }
        assertThat(http.get(server.baseUrl() + "/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void bodyOverTheLimitWithExpectContinueThen413EveryTime() {
        Http http = Http.plain();
        for (int i = 0; i < REPEATS; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/login"))
                    .header("Content-Type", "application/json")
                    .expectContinue(true)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(filled(1_000_000)))
                    .build());
            assertThat(response.statusCode()).as("attempt %d", i).isEqualTo(413);
        }
        assertThat(http.get(server.baseUrl() + "/health/live").statusCode()).isEqualTo(200);
    }

    private static byte[] filled(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        return body;
    }
}
