package dev.frontdesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.frontdesk.core.support.StoreUnavailable;
import dev.frontdesk.server.store.redis.Redis;
import dev.frontdesk.server.store.redis.RedisSessionStore;
import dev.frontdesk.server.testing.BackingServices;
import dev.frontdesk.server.testing.RedisProcess;
import dev.frontdesk.server.testing.TcpProxy;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Redis adapter says "Redis is unavailable" itself ({@link StoreUnavailable}) when its Redis is
 * stopped or silent, within a bounded wait, and answers again soon after Redis returns (the reconnect
 * delay is capped, not Lettuce's default 30 s back-off). Each test owns its Redis process.
 */
class RedisFailuresTest {
    /** Generous against {@link Redis#COMMAND_TIMEOUT} on a busy machine; a silent Redis without bounds hangs for good. */
    private static final Duration HANG = Redis.COMMAND_TIMEOUT.multipliedBy(4);

    @Test
    void commandWhenRedisStoppedThenStoreUnavailableNamingRedis() throws Exception {
        BackingServices.requirePostgresAndRedis();
        try (RedisProcess process = new RedisProcess(); Redis redis = Redis.connect(process.url())) {
            RedisSessionStore store = new RedisSessionStore(redis, Clock.systemUTC());
            process.stop();

            assertThatThrownBy(() -> store.admit(SessionStoreContract.session(UUID.randomUUID().toString(), 0), 5, false,
                    SessionStoreContract.NOW)).isInstanceOf(StoreUnavailable.class).hasMessage("Redis is unavailable");
            assertThatThrownBy(() -> store.findByAccount("anyone")).isInstanceOf(StoreUnavailable.class);
            assertThat(store.isHealthy()).isFalse();
        }
    }

    @Test
    void commandWhenRedisSilentThenStoreUnavailableWithinTheBound() throws Exception {
        BackingServices.requirePostgresAndRedis();
        try (RedisProcess process = new RedisProcess(); TcpProxy proxy = new TcpProxy(process.port());
             Redis redis = Redis.connect("redis://127.0.0.1:" + proxy.port())) {
            RedisSessionStore store = new RedisSessionStore(redis, Clock.systemUTC());
            proxy.freeze();

            assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> store.findByAccount("anyone"))
                    .isInstanceOf(StoreUnavailable.class));
            assertTimeoutPreemptively(HANG, () -> assertThat(store.isHealthy()).isFalse());

            proxy.thaw();
            assertThat(store.findByAccount("anyone")).isEmpty();
        }
    }

    @Test
    void commandWhenRedisReturnsThenAnswersWithinASecond() throws Exception {
        BackingServices.requirePostgresAndRedis();
        try (RedisProcess process = new RedisProcess(); Redis redis = Redis.connect(process.url())) {
            RedisSessionStore store = new RedisSessionStore(redis, Clock.systemUTC());
            var stored = SessionStoreContract.session(UUID.randomUUID().toString(), 0);
            store.admit(stored, 5, false, SessionStoreContract.NOW);
            process.stop();
            Thread.sleep(3_000); // long enough for Lettuce's default back-off to have grown past a second

            process.start();
            long back = System.nanoTime();
            while (!store.isHealthy()) {
                Thread.sleep(5);
            }
            Duration recovery = Duration.ofNanos(System.nanoTime() - back);
            System.out.println("Redis recovery after its return: " + recovery.toMillis() + " ms");

            assertThat(store.findByAccount(stored.accountId())).extracting(s -> s.idHash()).containsExactly(stored.idHash());
            assertThat(recovery).isLessThan(Duration.ofSeconds(2)); // the cap is 250 ms; the slack is for a busy machine
        }
    }
}
