package dev.frontdesk.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.MutableClock;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Expiry of console sessions and the sign-in backoff, on a clock the test moves. */
class ConsoleTimeoutTest {
    MutableClock clock;
    TestServer server;

    @BeforeEach
    void start() {
        clock = MutableClock.startingNow();
        server = TestServer.start(clock, List.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ConsoleClient signedIn() {
        return new ConsoleClient(server.baseUrl()).signInOk(TestServer.ADMIN_PASSWORD);
    }

    @Test
    void idleTimeoutWhenUsedWithinFifteenMinutesThenKeptElseEnded() {
        ConsoleClient console = signedIn();

        clock.advance(Duration.ofMinutes(14));
        assertThat(console.admin("GET", "/tenants", null).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(14));
        assertThat(console.admin("GET", "/tenants", null).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15));

        HttpResponse<String> expired = console.admin("GET", "/tenants", null);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(console.session().statusCode()).isEqualTo(401);
    }

    @Test
    void backgroundRefreshWhenOnlyActivityThenSessionStillTimesOut() {
        ConsoleClient console = signedIn();

        clock.advance(Duration.ofMinutes(10));
        assertThat(console.admin("GET", "/tenants/default/sessions", null, "X-Console-Background", "1").statusCode())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(6));

        assertThat(console.admin("GET", "/tenants/default/sessions", null, "X-Console-Background", "1").statusCode())
                .isEqualTo(401);
    }

    @Test
    void absoluteLifetimeWhenEightHoursPassedThenEndedDespiteActivity() {
        ConsoleClient console = signedIn();

        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(console.admin("GET", "/tenants", null).statusCode()).as("after %d min", (i + 1) * 10).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(10));

        assertThat(console.admin("GET", "/tenants", null).statusCode()).isEqualTo(401);
    }

    @Test
    void signInWhenFailuresRepeatThenDelayedWithRetryAfterAndFreedLater() {
        ConsoleClient client = new ConsoleClient(server.baseUrl());
        for (int i = 0; i < dev.frontdesk.core.tenant.ThrottleSettings.defaults().freeFailures(); i++) {
            assertThat(client.signIn("wrong-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = client.signIn(TestServer.ADMIN_PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(throttled.headers().allValues("Set-Cookie")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(client.signIn("wrong-again").statusCode()).isEqualTo(401);
        HttpResponse<String> longer = client.signIn(TestServer.ADMIN_PASSWORD);
        assertThat(longer.statusCode()).isEqualTo(429);
        assertThat(longer.headers().firstValue("Retry-After")).hasValue("2");

        clock.advance(Duration.ofSeconds(2));
        client.signInOk(TestServer.ADMIN_PASSWORD);
        assertThat(client.signIn("wrong-after-success").statusCode()).isEqualTo(401);
    }
}
