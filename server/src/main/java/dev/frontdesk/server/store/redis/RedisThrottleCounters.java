package dev.frontdesk.server.store.redis;

import dev.frontdesk.core.throttle.ThrottleCounters;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Throttling counters in Redis, so every node sees the same failures. One hash per counter. */
public final class RedisThrottleCounters implements ThrottleCounters {
    private static final String INCREMENT = """
            local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
            if count == 1 then
              redis.call('HSET', KEYS[1], 'start', ARGV[1])
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            redis.call('HSET', KEYS[1], 'last', ARGV[1])
            return {tostring(count), redis.call('HGET', KEYS[1], 'start'), ARGV[1]}
            """;

    /** Each key's count, window start and last event, in one round trip. */
    private static final String GET_ALL = """
            local out = {}
            for i, key in ipairs(KEYS) do
              local v = redis.call('HMGET', key, 'count', 'start', 'last')
              out[i] = {v[1] or '', v[2] or '', v[3] or ''}
            end
            return out
            """;

    /** A success: the (principal, address) counter goes, the marks are set, in one round trip. */
    private static final String RESET_AND_MARK = """
            redis.call('DEL', KEYS[1])
            for i = 2, #KEYS do
              redis.call('PSETEX', KEYS[i], ARGV[i - 1], '1')
            end
            return 1
            """;

    private final Redis redis;

    public RedisThrottleCounters(Redis redis) {
        this.redis = redis;
    }

    @Override
    public Count increment(String key, Instant now, Duration window) {
        List<String> r = redis.script(INCREMENT, ScriptOutputType.MULTI, new String[] {redisKey(key)},
                String.valueOf(now.toEpochMilli()), String.valueOf(window.toMillis()));
        return new Count(Long.parseLong(r.get(0)), Instant.ofEpochMilli(Long.parseLong(r.get(1))),
                Instant.ofEpochMilli(Long.parseLong(r.get(2))));
    }

    @Override
    public Optional<Count> get(String key, Instant now, Duration window) {
        List<String> values = redis.call(c -> c.hmget(redisKey(key), "count", "start", "last"))
                .stream().map(kv -> kv.getValueOrElse(null)).toList();
        if (values.get(0) == null || values.get(1) == null || values.get(2) == null) {
            return Optional.empty();
        }
        return Optional.of(new Count(Long.parseLong(values.get(0)), Instant.ofEpochMilli(Long.parseLong(values.get(1))),
                Instant.ofEpochMilli(Long.parseLong(values.get(2)))));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Optional<Count>> getAll(List<String> keys, Instant now) {
        List<Object> rows = redis.script(GET_ALL, ScriptOutputType.MULTI,
                keys.stream().map(RedisThrottleCounters::redisKey).toArray(String[]::new));
        List<Optional<Count>> counts = new java.util.ArrayList<>(rows.size());
        for (Object row : rows) {
            List<Object> v = (List<Object>) row;
            counts.add(v.stream().anyMatch(x -> x == null || x.toString().isEmpty()) ? Optional.empty()
                    : Optional.of(new Count(Long.parseLong(v.get(0).toString()),
                            Instant.ofEpochMilli(Long.parseLong(v.get(1).toString())),
                            Instant.ofEpochMilli(Long.parseLong(v.get(2).toString())))));
        }
        return counts;
    }

    @Override
    public void resetAndMark(String resetKey, java.util.Map<String, Duration> marks, Instant now) {
        String[] keys = new String[marks.size() + 1];
        String[] lifetimes = new String[marks.size()];
        keys[0] = redisKey(resetKey);
        int i = 0;
        for (var mark : marks.entrySet()) {
            keys[i + 1] = redisKey(mark.getKey());
            lifetimes[i++] = String.valueOf(Math.max(1, mark.getValue().toMillis()));
        }
        redis.script(RESET_AND_MARK, ScriptOutputType.INTEGER, keys, lifetimes);
    }

    @Override
    public void reset(String key) {
        redis.call(c -> c.del(redisKey(key)));
    }

    @Override
    public void mark(String key, Instant now, Duration lifetime) {
        redis.call(c -> c.psetex(redisKey(key), lifetime.toMillis(), "1"));
    }

    @Override
    public boolean isMarked(String key, Instant now) {
        return redis.call(c -> c.exists(redisKey(key))) > 0;
    }

    private static String redisKey(String key) {
        return "fd:thr:" + key;
    }
}
