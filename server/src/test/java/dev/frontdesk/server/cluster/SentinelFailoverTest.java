package dev.frontdesk.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.BackingServices;
import dev.frontdesk.server.testing.SentinelGroup;
import dev.frontdesk.server.testing.ServerProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 8: Redis behind Sentinel. A node given the Sentinels' addresses
 * ({@code redis-sentinel://...#name}) keeps working through a failover: while the primary is gone,
 * logins and validations answer 503 (never 401 for a live session), then they work on the promoted
 * replica without a restart; the per-account cap still holds and a session logged out before the
 * failover stays logged out.
 */
class SentinelFailoverTest {

    @Test
    void primaryKilledThen503DuringFailoverThenWorksOnTheNewPrimary() throws Exception {
        BackingServices.requirePostgresAndRedis();
        try (SentinelGroup redis = new SentinelGroup()) {
            ServerProcess node = ServerProcess.start(Files.createTempDirectory("frontdesk-node"),
                    Map.of("FRONTDESK_DB_USER", BackingServices.POSTGRES_USER),
                    "--db-url", BackingServices.freshPostgresDatabase(), "--redis-url", redis.url());
            try {
                node.admin().createAgent("failover", "failover-password-1");
                List<String> live = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    live.add(node.api().loginOk("failover", "failover-password-1"));
                }
                String ended = node.api().loginOk("failover", "failover-password-1");
                assertThat(node.api().logout(ended).statusCode()).isEqualTo(204);
                Thread.sleep(1_500); // asynchronous replication: let the replica catch up before the crash

                redis.killPrimary();
                long killed = System.nanoTime();
                int unavailable = 0;
                while (true) {
                    int status = node.api().sessionStatus(live.get(0));
                    assertThat(status).as("a live session during the failover").isIn(200, 503);
                    if (status == 200) {
                        break;
                    }
                    unavailable++;
                    assertThat(System.nanoTime() - killed).as("failover finished").isLessThan(60_000_000_000L);
                    Thread.sleep(100);
                }
                System.out.println("Sentinel failover: validations answered 503 for "
                        + (System.nanoTime() - killed) / 1_000_000 + " ms (" + unavailable + " requests)");

                for (String session : live) {
                    assertThat(node.api().sessionStatus(session)).isEqualTo(200);
                }
                assertThat(node.api().sessionStatus(ended)).as("logged out before the failover").isEqualTo(401);
                String fifth = node.api().loginOk("failover", "failover-password-1");
                HttpResponse<String> sixth = node.api().login("failover", "failover-password-1", false);
                assertThat(sixth.statusCode()).as("the cap of 5 on the new primary").isNotIn(200, 201, 503);
                assertThat(node.api().sessionStatus(fifth)).isEqualTo(200);
                assertThat(Set.copyOf(live)).hasSize(4);
            } finally {
                node.killHard();
            }
        }
    }
}
