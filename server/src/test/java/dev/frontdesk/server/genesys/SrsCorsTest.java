package dev.frontdesk.server.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(OpenApiContract.class)
class SrsCorsTest {
    private static final String DESK = "https://desk.example.com";
    private static TestServer server;
    private static Srs srs;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        srs = new Srs(server.baseUrl());
        server.admin().patchSettings("default", Map.of("corsAllowedOrigins",
                List.of(DESK, "https://*.agents.example.org", "http://localhost:8088")));
        server.admin().createAgent("alice", Srs.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/me", "/api/v2/me/", "/ping", "/version"})
    void preflightWhenOriginAllowedThenEveryCorsHeader(String path) {
        HttpResponse<String> response = srs.options(path, "Origin", DESK,
                "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization,x-support-csrfp");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(DESK);
        assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(header(response, "Access-Control-Allow-Methods")).isEqualTo("GET,POST,OPTIONS");
        assertThat(header(response, "Access-Control-Allow-Headers"))
                .isEqualTo("Authorization, Content-Type, X-Support-CSRFP, X-CSRF-Token, Cookie");
        assertThat(header(response, "Access-Control-Expose-Headers")).isEqualTo("X-CSRF-HEADER, X-CSRF-TOKEN");
        assertThat(header(response, "Access-Control-Max-Age")).isEqualTo("120");
        assertThat(header(response, "Vary")).contains("Origin");
    }

    @Test
    void preflightWhenWildcardEntryMatchesOneLabelThenAllowed() {
        HttpResponse<String> response = srs.options("/api/v2/me", "Origin", "https://team1.agents.example.org",
                "Access-Control-Request-Method", "GET");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("https://team1.agents.example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example.com", "http://desk.example.com", "https://desk.example.com:8443",
            "https://desk.example.com.evil.net", "https://a.b.agents.example.org", "https://agents.example.org",
            "http://localhost:9999", "null", "https://*.agents.example.org"})
    void preflightWhenOriginNotAllowedThenForbiddenWithoutCorsHeaders(String origin) {
        HttpResponse<String> response = srs.options("/api/v2/me", "Origin", origin,
                "Access-Control-Request-Method", "GET");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        assertThat(Srs.json(response).get("statusCode").asInt()).isEqualTo(3);
    }

    @Test
    void loginWhenOriginAllowedThenAnswerCarriesCorsHeaders() {
        HttpResponse<String> response = srs.login("alice", Srs.PASSWORD, "Origin", DESK);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(DESK);
        assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(header(response, "Access-Control-Expose-Headers")).isEqualTo("X-CSRF-HEADER, X-CSRF-TOKEN");
        assertThat(header(response, "Vary")).contains("Origin");
    }

    @Test
    void accessDeniedWhenOriginAllowedThenStillReadableByThePage() {
        HttpResponse<String> response = srs.login("alice", "wrong-password-1", "Origin", DESK);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(DESK);
    }

    @Test
    void getWhenOriginNotAllowedThenNoCorsHeadersAndNoReflection() {
        HttpResponse<String> response = srs.get("/version", "Origin", "https://evil.example.com");

        assertThat(response.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        assertThat(response.headers().map().values().stream().flatMap(List::stream))
                .noneMatch(v -> v.contains("evil.example.com"));
    }

    @Test
    void settingsWhenBareWildcardOriginThenRefused() {
        HttpResponse<String> response = server.admin().call("PATCH", "/tenants/default/settings",
                Map.of("corsAllowedOrigins", List.of("*")));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
