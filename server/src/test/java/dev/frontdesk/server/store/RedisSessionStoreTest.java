package dev.frontdesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.session.SessionStore;
import dev.frontdesk.server.store.redis.Redis;
import dev.frontdesk.server.store.redis.RedisSessionStore;
import dev.frontdesk.server.testing.BackingServices;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract for sessions in Redis (skipped, with a message, when Redis does not answer). */
class RedisSessionStoreTest extends SessionStoreContract {
    static Redis redis;
    static SessionStore store;

    @BeforeAll
    static void connect() {
        BackingServices.requirePostgresAndRedis();
        redis = Redis.connect(BackingServices.freshRedisUrl());
        store = new RedisSessionStore(redis, Clock.systemUTC());
    }

    @AfterAll
    static void disconnect() {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected SessionStore store() {
        return store;
    }

    @Test
    void issue15ExpiredSessionThenNoIndexMemberLeftInRedis() {
        String account = UUID.randomUUID().toString();
        Session lapsing = session(account, 0);
        store.admit(lapsing, 5, false, NOW);

        store.removeExpired(NOW.plus(Duration.ofHours(2)));

        String key = lapsing.idHash();
        List<String> ofAccount = redis.call(c -> c.zrange("fd:s:o:" + account, 0, -1));
        Boolean inTenant = redis.call(c -> c.sismember("fd:s:g:contract", key));
        Double due = redis.call(c -> c.zscore("fd:s:e", key));
        Boolean owned = redis.call(c -> c.hexists("fd:s:w", key));
        Long item = redis.call(c -> c.exists("fd:s:i:" + key));
        assertThat(ofAccount).isEmpty();
        assertThat(inTenant).isFalse();
        assertThat(due).isNull();
        assertThat(owned).isFalse();
        assertThat(item).isZero();
    }
}
