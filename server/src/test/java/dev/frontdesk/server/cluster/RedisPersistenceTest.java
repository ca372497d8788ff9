package dev.frontdesk.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.store.redis.Redis;
import dev.frontdesk.server.testing.BackingServices;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.RedisProcess;
import dev.frontdesk.server.testing.ServerProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 6: the nodes read Redis's persistence settings at start. Without the append-only
 * file the node stays ready, but its log and {@code /health/ready} say what a Redis restart would lose.
 */
class RedisPersistenceTest {

    @Test
    void redisWithoutAnyPersistenceThenReadyWithAWarning() throws Exception {
        BackingServices.requirePostgresAndRedis();
        try (RedisProcess redis = new RedisProcess("--save", "", "--appendonly", "no")) {
            ServerProcess node = ServerProcess.start(Files.createTempDirectory("frontdesk-node"),
                    Map.of("FRONTDESK_DB_USER", BackingServices.POSTGRES_USER),
                    "--db-url", BackingServices.freshPostgresDatabase(), "--redis-url", redis.url());
            try {
                HttpResponse<String> ready = Http.plain().get(node.baseUrl() + "/health/ready");
                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(ready.body()).contains("\"status\":\"UP\"", "\"warnings\"", "appendonly yes");
            } finally {
                node.killHard();
            }
        }
    }

    @Test
    void redisWithSnapshotsOnlyThenWarnedThatEndedSessionsComeBack() throws Exception {
        BackingServices.requirePostgresAndRedis();
        try (RedisProcess process = new RedisProcess("--save", "3600 1", "--appendonly", "no");
             Redis redis = Redis.connect(process.url())) {
            assertThat(redis.persistenceWarning()).hasValueSatisfying(w -> assertThat(w)
                    .contains("only snapshots", "brings back the sessions ended"));
        }
    }

    @Test
    void redisWithAppendOnlyFileThenNoWarning() throws Exception {
        BackingServices.requirePostgresAndRedis();
        try (RedisProcess process = new RedisProcess("--save", "", "--appendonly", "yes", "--appendfsync", "everysec");
             Redis redis = Redis.connect(process.url())) {
            assertThat(redis.persistenceWarning()).isEmpty();
        }
    }
}
