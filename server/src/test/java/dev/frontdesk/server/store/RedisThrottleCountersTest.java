package dev.frontdesk.server.store;

import dev.frontdesk.core.throttle.ThrottleCounters;
import dev.frontdesk.server.store.redis.Redis;
import dev.frontdesk.server.store.redis.RedisThrottleCounters;
import dev.frontdesk.server.testing.BackingServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The throttle counters contract in Redis (skipped, with a message, when Redis does not answer). */
class RedisThrottleCountersTest extends ThrottleCountersContract {
    static Redis redis;
    static ThrottleCounters counters;

    @BeforeAll
    static void connect() {
        BackingServices.requirePostgresAndRedis();
        redis = Redis.connect(BackingServices.freshRedisUrl());
        counters = new RedisThrottleCounters(redis);
    }

    @AfterAll
    static void disconnect() {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected ThrottleCounters counters() {
        return counters;
    }
}
