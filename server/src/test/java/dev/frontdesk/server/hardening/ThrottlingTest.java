package dev.frontdesk.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.tenant.ThrottleSettings;
import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throttling without lockout, with the default limits. Client addresses are simulated with
 * X-Forwarded-For from a trusted proxy (the test itself on 127.0.0.1).
 */
@ExtendWith(OpenApiContract.class)
class ThrottlingTest {
    TestServer server;
    Http http = Http.plain();

    @BeforeEach
    void start() {
        server = TestServer.start(Clock.systemUTC(), List.of("127.0.0.0/8"));
        server.admin().patchSettings("default", Map.of("throttle", Json.MAPPER.valueToTree(ThrottleSettings.defaults())));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void twentyWrongPasswordsFromOneIpThenThatIpIsSlowedButAnotherIpLogsIn() {
        server.admin().createAgent("victim", "victim-password-1");
        for (int i = 0; i < 20; i++) {
            assertThat(login("victim", "guess-" + i, "198.51.100.7").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> attackerRight = login("victim", "victim-password-1", "198.51.100.7");
        assertThat(attackerRight.statusCode()).isEqualTo(401);
        assertThat(attackerRight.headers().firstValue("Retry-After")).isPresent();

        HttpResponse<String> owner = login("victim", "victim-password-1", "203.0.113.20");
        assertThat(owner.statusCode()).isEqualTo(201);
        assertThat(server.admin().ok("GET", "/tenants/default/events?type=login.throttled", null)).isNotEmpty();
    }

    @Test
    void throttledLoginInEveryDialectAnswersItsNormalFailureWithRetryAfter() {
        server.admin().createAgent("dialects", "dialects-password-1");
        for (int i = 0; i < 6; i++) {
            login("dialects", "guess-" + i, "198.51.100.50");
        }
        HttpResponse<String> egain = http.post(server.baseUrl() + "/ws/v12/authentication/user/login", "application/json",
                "{\"userName\":\"dialects\",\"password\":\"dialects-password-1\"}", "X-Forwarded-For", "198.51.100.50");
        assertThat(egain.statusCode()).isEqualTo(401);
        assertThat(egain.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> srs = http.get(server.baseUrl() + "/api/v2/me", "X-Forwarded-For", "198.51.100.50",
                "Authorization", Http.basic("dialects", "dialects-password-1"));
        assertThat(srs.statusCode()).isEqualTo(401);
        assertThat(srs.headers().firstValue("Retry-After")).isPresent();
        assertThat(srs.body()).contains("\"statusCode\":20");
    }

    @Test
    void unknownUserNamesAreCountedToo() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("ghost", "guess-" + i, "198.51.100.8").headers().firstValue("Retry-After")).isEmpty();
        }
        HttpResponse<String> sixth = login("ghost", "guess-x", "198.51.100.8");
        assertThat(sixth.statusCode()).isEqualTo(401);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void sprayingIpIsThrottledAcrossAccountsWhileOthersLogIn() {
        server.admin().createAgent("sprayed", "sprayed-password-1");
        for (int i = 0; i < 50; i++) {
            login("user" + i, "Winter2026!", "198.51.100.9");
        }
        HttpResponse<String> sprayer = login("sprayed", "sprayed-password-1", "198.51.100.9");
        assertThat(sprayer.statusCode()).isEqualTo(401);
        assertThat(sprayer.headers().firstValue("Retry-After")).isPresent();
        assertThat(login("sprayed", "sprayed-password-1", "203.0.113.21").statusCode()).isEqualTo(201);
    }

    @Test
    void distributedAttackPastHourlyCapDoesNotStopOwnerFromKnownIp() {
        server.admin().patchSettings("default", Map.of("throttle", Map.of("maxFailuresPerAccountPerHour", 10)));
        server.admin().createAgent("popular", "popular-password-1");
        assertThat(login("popular", "popular-password-1", "203.0.113.30").statusCode()).isEqualTo(201);
        for (int i = 0; i < 12; i++) {
            login("popular", "guess-" + i, "198.51.100." + (100 + i));
        }
        HttpResponse<String> newIp = login("popular", "popular-password-1", "198.51.100.200");
        assertThat(newIp.headers().firstValue("Retry-After")).as("a new IP waits once the hourly cap is reached").isPresent();
        assertThat(login("popular", "popular-password-1", "203.0.113.30").statusCode()).isEqualTo(201);
    }

    @Test
    void successResetsThePairCounter() {
        server.admin().createAgent("forgetful", "forgetful-password-1");
        for (int i = 0; i < 4; i++) {
            login("forgetful", "oops-" + i, "203.0.113.40");
        }
        assertThat(login("forgetful", "forgetful-password-1", "203.0.113.40").statusCode()).isEqualTo(201);
        for (int i = 0; i < 4; i++) {
            assertThat(login("forgetful", "oops-again-" + i, "203.0.113.40").headers().firstValue("Retry-After")).isEmpty();
        }
    }

    private HttpResponse<String> login(String user, String password, String ip) {
        return http.post(server.baseUrl() + "/api/v1/login", "application/json",
                Json.write(Map.of("username", user, "password", password)), "X-Forwarded-For", ip);
    }
}
