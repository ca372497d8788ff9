package dev.frontdesk.server.store;

import dev.frontdesk.core.session.SessionStore;
import dev.frontdesk.server.store.redis.Redis;
import dev.frontdesk.server.store.redis.RedisSessionStore;
import dev.frontdesk.server.testing.BackingServices;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
