package dev.frontdesk.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.BackingServices;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.ServerProcess;
import dev.frontdesk.server.testing.TcpProxy;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, item 3: the audit trail may be late, never lost. With PostgreSQL cut (sessions in Redis,
 * so logouts still answer 204), every event of the outage is in the trail after it, exactly once:
 * replayed from the node's local spool when the database answers again, and also when the node was
 * killed during the outage and started again on the same data directory.
 */
class AuditSpoolTest {
    private static final Pattern SPOOLED = Pattern.compile("(?m)^frontdesk_audit_spool_events\\S* (\\S+)$");

    @Test
    void logoutsWhenPostgresCutThenAllInTheTrailAfterItsReturn() throws Exception {
        BackingServices.requirePostgresAndRedis();
        String db = BackingServices.freshPostgresDatabase();
        String redis = BackingServices.freshRedisUrl();
        try (TcpProxy proxy = new TcpProxy(5432)) {
            ServerProcess node = start(Files.createTempDirectory("frontdesk-node"), db, proxy, redis);
            try {
                List<String> sessions = loginFour(node, "chronicler");

                proxy.cut();
                for (String session : sessions) {
                    assertThat(node.api().logout(session).statusCode()).isEqualTo(204);
                }
                awaitSpooled(node, 4, false); // the four logouts, and whatever else the outage met

                proxy.restore();
                assertThat(awaitLogouts(node, "chronicler", 4)).hasSize(4).doesNotHaveDuplicates();
                awaitSpooled(node, 0, true);
            } finally {
                node.killHard();
            }
        }
    }

    @Test
    void logoutsWhenPostgresCutAndNodeKilledThenReplayedOnceAtRestart() throws Exception {
        BackingServices.requirePostgresAndRedis();
        String db = BackingServices.freshPostgresDatabase();
        String redis = BackingServices.freshRedisUrl();
        Path dataDir = Files.createTempDirectory("frontdesk-node");
        try (TcpProxy proxy = new TcpProxy(5432)) {
            ServerProcess node = start(dataDir, db, proxy, redis);
            try {
                List<String> sessions = loginFour(node, "survivor");
                proxy.cut();
                for (String session : sessions) {
                    assertThat(node.api().logout(session).statusCode()).isEqualTo(204);
                }
                awaitLogoutsOnDisk(dataDir.resolve("audit-spool.jsonl"), 4);
            } finally {
                node.killHard();
            }

            proxy.restore();
            ServerProcess again = start(dataDir, db, proxy, redis);
            try {
                assertThat(awaitLogouts(again, "survivor", 4)).hasSize(4).doesNotHaveDuplicates();
                awaitSpooled(again, 0, true);
                assertThat(logoutIds(again, "survivor")).hasSize(4); // replayed once, not once per look
            } finally {
                again.killHard();
            }
        }
    }

    private static ServerProcess start(Path dataDir, String db, TcpProxy proxy, String redis) throws Exception {
        return ServerProcess.start(dataDir, Map.of("FRONTDESK_DB_USER", BackingServices.POSTGRES_USER),
                "--db-url", db.replace(":5432/", ":" + proxy.port() + "/"), "--redis-url", redis);
    }

    private static List<String> loginFour(ServerProcess node, String username) {
        node.admin().createAgent(username, username + "-password-1");
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sessions.add(node.api().loginOk(username, username + "-password-1"));
        }
        return sessions;
    }

    private static void awaitSpooled(ServerProcess node, long expected, boolean exactly) throws InterruptedException {
        double seen = -1;
        for (int i = 0; i < 300; i++) {
            Matcher m = SPOOLED.matcher(Http.plain().get(node.baseUrl() + "/metrics").body());
            seen = m.find() ? Double.parseDouble(m.group(1)) : -1;
            if (exactly ? seen == expected : seen >= expected) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("frontdesk_audit_spool_events stayed " + seen + ", expected " + (exactly ? "" : "at least ") + expected);
    }

    private static void awaitLogoutsOnDisk(Path spool, int expected) throws Exception {
        long seen = 0;
        for (int i = 0; i < 300; i++) {
            seen = Files.exists(spool) ? Files.readAllLines(spool).stream().filter(l -> l.contains("\"LOGOUT\"")).count() : 0;
            if (seen >= expected) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(seen + " logouts in the spool file, expected " + expected);
    }

    private static List<String> awaitLogouts(ServerProcess node, String username, int expected) throws InterruptedException {
        List<String> ids = List.of();
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> events = node.admin().call("GET",
                    "/tenants/default/events?type=logout&username=" + username, null);
            if (events.statusCode() == 200) {
                ids = ids(events.body());
                if (ids.size() >= expected) {
                    return ids;
                }
            }
            Thread.sleep(100);
        }
        return ids;
    }

    private static List<String> logoutIds(ServerProcess node, String username) {
        return ids(node.admin().call("GET", "/tenants/default/events?type=logout&username=" + username,
                null).body());
    }

    private static List<String> ids(String body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode event : Json.MAPPER.readTree(body)) {
            ids.add(event.get("id").asString());
        }
        return ids;
    }
}
