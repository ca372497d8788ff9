package dev.frontdesk.server.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.MutableClock;
import dev.frontdesk.server.testing.NativeClient;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The core session rules, seen over HTTP through the native API and the admin API. */
@ExtendWith(OpenApiContract.class)
class SessionRulesTest {
    static MutableClock clock;
    static TestServer server;
    static NativeClient api;

    @BeforeAll
    static void start() {
        clock = MutableClock.startingNow();
        server = TestServer.start(clock, List.of());
        api = new NativeClient(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void capHoldsWhenFiftyLoginsOfOneAccountRaceThenExactlyFiveWin() throws Exception {
        server.admin().createAgent("racer", "race-password-1");
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Callable<Integer>> logins = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            logins.add(() -> api.login("racer", "race-password-1", false).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(logins)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 403).hasSize(45);
        assertThat(server.admin().sessions("default", "racer")).hasSize(5);
    }

    @Test
    void loginAtCapWhenNotForcedThenSessionLimitError() {
        server.admin().createAgent("capped", "capped-password-1");
        for (int i = 0; i < 5; i++) {
            api.loginOk("capped", "capped-password-1");
        }
        HttpResponse<String> sixth = api.login("capped", "capped-password-1", false);
        assertThat(sixth.statusCode()).isEqualTo(403);
        assertThat(sixth.body()).contains("\"session_limit\"");
    }

    @Test
    void forceAtCapThenExactlyTheOldestSessionEnds() {
        server.admin().createAgent("forcer", "forcer-password-1");
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sessions.add(api.loginOk("forcer", "forcer-password-1"));
            clock.advance(Duration.ofMillis(10));
        }
        HttpResponse<String> forced = api.login("forcer", "forcer-password-1", true);

        assertThat(forced.statusCode()).isEqualTo(201);
        assertThat(api.sessionStatus(sessions.get(0))).isEqualTo(401);
        for (String survivor : sessions.subList(1, 5)) {
            assertThat(api.sessionStatus(survivor)).isEqualTo(200);
        }
        assertThat(server.admin().sessions("default", "forcer")).hasSize(5);
    }

    @Test
    void idleTimeoutPassesWithoutUseThenSessionIsDead() {
        server.admin().ok("PATCH", "/tenants/default/settings", Map.of("idleTimeoutSeconds", 60));
        server.admin().createCustomer("dozer", "dozer-password-1");
        String id = api.loginOk("dozer", "dozer-password-1");
        clock.advance(Duration.ofSeconds(45));
        assertThat(api.sessionStatus(id)).as("use within the idle timeout").isEqualTo(200);
        clock.advance(Duration.ofSeconds(45));
        assertThat(api.sessionStatus(id)).as("the use above restarted the idle timer").isEqualTo(200);
        clock.advance(Duration.ofSeconds(66)); // idle timeout plus one touch interval (5 s): never early
        assertThat(api.sessionStatus(id)).isEqualTo(401);
        server.admin().ok("PATCH", "/tenants/default/settings", Map.of("idleTimeoutSeconds", 1800));
    }

    @Test
    void issue15UseInsideTheTouchIntervalThenSessionLivesItsFullIdleTimeoutAfterIt() {
        server.admin().ok("PATCH", "/tenants/default/settings", Map.of("idleTimeoutSeconds", 60));
        server.admin().createCustomer("pinger", "pinger-password-1");
        String id = api.loginOk("pinger", "pinger-password-1");
        clock.advance(Duration.ofSeconds(4)); // inside the touch interval (5 s): this use is not written
        assertThat(api.sessionStatus(id)).isEqualTo(200);

        clock.advance(Duration.ofSeconds(59)); // 59 s after the last use, 63 s after the last written one
        assertThat(api.sessionStatus(id)).as("refused before its idle timeout after the last use").isEqualTo(200);
        server.admin().ok("PATCH", "/tenants/default/settings", Map.of("idleTimeoutSeconds", 1800));
    }

    @Test
    void absoluteLifetimePassesThenSessionIsDeadEvenWhenInUse() {
        server.admin().ok("PATCH", "/tenants/default/settings", Map.of("maxLifetimeSeconds", 300));
        server.admin().createAgent("marathon", "marathon-password-1");
        String id = api.loginOk("marathon", "marathon-password-1");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(59));
            assertThat(api.sessionStatus(id)).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(api.sessionStatus(id)).isEqualTo(401);
        server.admin().ok("PATCH", "/tenants/default/settings", Map.of("maxLifetimeSeconds", 43200));
    }

    @Test
    void perAccountIdleOverrideWinsOverTenantDefault() {
        String quickId = server.admin().createAgent("quick", "quick-password-1");
        server.admin().createAgent("steady", "steady-password-1");
        server.admin().ok("PATCH", "/tenants/default/accounts/" + quickId, Map.of("idleTimeoutSeconds", 30));
        String quick = api.loginOk("quick", "quick-password-1");
        String steady = api.loginOk("steady", "steady-password-1");

        clock.advance(Duration.ofSeconds(34)); // 30 s idle plus its touch interval (3 s)

        assertThat(api.sessionStatus(quick)).isEqualTo(401);
        assertThat(api.sessionStatus(steady)).isEqualTo(200);
    }

    @Test
    void disablingAnAccountThenAllItsSessionsEnd() {
        String id = server.admin().createAgent("leaver", "leaver-password-1");
        String one = api.loginOk("leaver", "leaver-password-1");
        String two = api.loginOk("leaver", "leaver-password-1");

        server.admin().ok("PATCH", "/tenants/default/accounts/" + id, Map.of("enabled", false));

        assertThat(api.sessionStatus(one)).isEqualTo(401);
        assertThat(api.sessionStatus(two)).isEqualTo(401);
        assertThat(api.login("leaver", "leaver-password-1", false).statusCode()).isEqualTo(401);
    }

    @Test
    void deletingAnAccountThenItsSessionsEnd() {
        String id = server.admin().createAgent("gone", "gone-password-1");
        String session = api.loginOk("gone", "gone-password-1");
        server.admin().ok("DELETE", "/tenants/default/accounts/" + id, null);
        assertThat(api.sessionStatus(session)).isEqualTo(401);
    }

    @Test
    void logoutThenIdIsDeadAndSecondLogoutIsRefused() {
        server.admin().createAgent("bye", "bye-password-12");
        String session = api.loginOk("bye", "bye-password-12");
        assertThat(api.logout(session).statusCode()).isEqualTo(204);
        assertThat(api.sessionStatus(session)).isEqualTo(401);
        assertThat(api.logout(session).statusCode()).isEqualTo(401);
    }

    @Test
    void adminEndsOneSessionByRefThenOnlyThatOneIsDead() {
        server.admin().createAgent("watched", "watched-password-1");
        String first = api.loginOk("watched", "watched-password-1");
        clock.advance(Duration.ofMillis(5));
        String second = api.loginOk("watched", "watched-password-1");
        JsonNode sessions = server.admin().sessions("default", "watched");
        String oldestRef = sessions.get(0).get("ref").asString();

        server.admin().ok("DELETE", "/tenants/default/sessions/" + oldestRef, null);

        assertThat(api.sessionStatus(first)).isEqualTo(401);
        assertThat(api.sessionStatus(second)).isEqualTo(200);
        assertThat(server.admin().call("DELETE", "/tenants/default/sessions/" + oldestRef, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void adminEndsAllSessionsOfAUserThenNoneRemain() {
        server.admin().createAgent("everyone", "everyone-password-1");
        String a = api.loginOk("everyone", "everyone-password-1");
        String b = api.loginOk("everyone", "everyone-password-1");
        JsonNode answer = server.admin().ok("DELETE", "/tenants/default/sessions?username=everyone", null);
        assertThat(answer.get("ended").asInt()).isEqualTo(2);
        assertThat(api.sessionStatus(a)).isEqualTo(401);
        assertThat(api.sessionStatus(b)).isEqualTo(401);
    }

    @Test
    void sessionsAndEventsAreVisibleToTheAdminWithoutSecrets() {
        server.admin().createAgent("visible", "visible-password-1");
        String session = api.loginOk("visible", "visible-password-1");
        JsonNode listed = server.admin().sessions("default", "visible");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("channel").asString()).isEqualTo("native");
        assertThat(listed.get(0).get("clientIp").asString()).isEqualTo("127.0.0.1");
        assertThat(listed.toString()).doesNotContain(session);

        JsonNode events = server.admin().ok("GET", "/tenants/default/events?username=visible&type=login.succeeded", null);
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).get("type").asString()).isEqualTo("login.succeeded");
        assertThat(events.toString()).doesNotContain(session).doesNotContain("visible-password-1");
    }
}
