package dev.frontdesk.server.store.redis;

import dev.frontdesk.core.session.Admission;
import dev.frontdesk.core.session.Expiring;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Capped, expiring items in Redis, shared by every node: the Redis twin of the core's CappedIndex.
 *
 * <p>Layout under a prefix {@code p}: {@code p:i:<key>} holds the item as JSON with a TTL equal to its
 * remaining life; {@code p:o:<owner>} is a sorted set of the owner's keys by creation time;
 * {@code p:g:<group>} a set of keys for listing (per tenant); {@code p:x:<key>} a tombstone left by an
 * ended item until it would have expired, so a late touch cannot write it back. Admission runs as one
 * Lua script, which Redis executes atomically: that is what holds the per-owner cap across nodes.
 */
final class CappedRedisIndex<T extends Expiring> {
    private static final String ADMIT = """
            local members = redis.call('ZRANGE', KEYS[1], 0, -1)
            local live = {}
            for _, m in ipairs(members) do
              local v = redis.call('GET', ARGV[1] .. m)
              if v then table.insert(live, {m, v}) else
                redis.call('ZREM', KEYS[1], m)
                redis.call('SREM', KEYS[3], m)
              end
            end
            local cap = tonumber(ARGV[5])
            local result = {'1'}
            if #live >= cap then
              if ARGV[6] ~= '1' then return {'0'} end
              for i = 1, #live - cap + 1 do
                local m = live[i][1]
                local ttl = redis.call('PTTL', ARGV[1] .. m)
                redis.call('DEL', ARGV[1] .. m)
                redis.call('ZREM', KEYS[1], m)
                redis.call('SREM', KEYS[3], m)
                if ttl > 0 then redis.call('SET', ARGV[8] .. m, '1', 'PX', ttl) end
                table.insert(result, live[i][2])
              end
            end
            redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
            redis.call('ZADD', KEYS[1], ARGV[7], ARGV[2])
            redis.call('SADD', KEYS[3], ARGV[2])
            return result
            """;
    private static final String REMOVE = """
            local v = redis.call('GET', KEYS[1])
            if not v then return nil end
            local ttl = redis.call('PTTL', KEYS[1])
            redis.call('DEL', KEYS[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('SREM', KEYS[3], ARGV[1])
            if ttl > 0 then redis.call('SET', KEYS[4], '1', 'PX', ttl) end
            return v
            """;
    /** Sets top-level fields of the stored JSON (numbers or JSON values) and its TTL, unless the item ended. */
    private static final String PATCH = """
            if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
            local v = redis.call('GET', KEYS[1])
            if not v then return 0 end
            local item = cjson.decode(v)
            local changes = cjson.decode(ARGV[1])
            for k, value in pairs(changes) do item[k] = value end
            redis.call('SET', KEYS[1], cjson.encode(item), 'PX', ARGV[2])
            return 1
            """;
    private static final String REPLACE = """
            if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """;

    private final Redis redis;
    private final String prefix;
    private final Function<T, String> encode;
    private final Function<String, T> decode;
    private final Function<T, String> group;

    CappedRedisIndex(Redis redis, String prefix, Function<T, String> encode, Function<String, T> decode,
                     Function<T, String> group) {
        this.redis = redis;
        this.prefix = prefix;
        this.encode = encode;
        this.decode = decode;
        this.group = group;
    }

    Admission<T> admit(T item, int cap, boolean force, Instant now) {
        List<String> result = redis.script(ADMIT, ScriptOutputType.MULTI,
                new String[] {ownerKey(item.owner()), itemKey(item.key()), groupKey(group.apply(item))},
                prefix + ":i:", item.key(), encode.apply(item), String.valueOf(ttlMillis(item, now)),
                String.valueOf(cap), force ? "1" : "0", String.valueOf(item.createdAt().toEpochMilli()), prefix + ":x:");
        if (result.isEmpty() || !"1".equals(result.get(0))) {
            return Admission.refused(List.of());
        }
        List<T> evicted = new ArrayList<>();
        for (int i = 1; i < result.size(); i++) {
            evicted.add(decode.apply(result.get(i)));
        }
        return new Admission<>(true, evicted, List.of());
    }

    Optional<T> find(String key) {
        String json = redis.call(c -> c.get(itemKey(key)));
        return Optional.ofNullable(json).map(decode);
    }

    /** Writes a changed item back unless it has ended meanwhile (tombstone or gone). */
    boolean replace(T item, Instant now) {
        long ttl = ttlMillis(item, now);
        Long done = redis.script(REPLACE, ScriptOutputType.INTEGER,
                new String[] {itemKey(item.key()), prefix + ":x:" + item.key()}, encode.apply(item), String.valueOf(ttl));
        return done != null && done == 1;
    }

    /** Merges {@code changesJson} (a JSON object of top-level fields) into the stored item. */
    boolean patch(String key, String changesJson, long ttlMillis) {
        Long done = redis.script(PATCH, ScriptOutputType.INTEGER,
                new String[] {itemKey(key), prefix + ":x:" + key}, changesJson, String.valueOf(Math.max(1, ttlMillis)));
        return done != null && done == 1;
    }

    Optional<T> remove(String key, String owner, String groupName) {
        String json = redis.script(REMOVE, ScriptOutputType.VALUE,
                new String[] {itemKey(key), ownerKey(owner), groupKey(groupName), prefix + ":x:" + key}, key);
        return Optional.ofNullable(json).map(decode);
    }

    List<T> itemsOfOwner(String owner) {
        List<String> keys = redis.call(c -> c.zrange(ownerKey(owner), 0, -1));
        return load(keys);
    }

    List<T> itemsOfGroup(String groupName) {
        List<String> keys = new ArrayList<>(redis.call(c -> c.smembers(groupKey(groupName))));
        List<T> items = load(keys);
        return items;
    }

    boolean isTombstoned(String key) {
        return redis.call(c -> c.exists(prefix + ":x:" + key)) > 0;
    }

    private List<T> load(List<String> keys) {
        List<String> values = redis.values(keys.stream().map(this::itemKey).toList());
        return values.stream().filter(v -> v != null).map(decode).toList();
    }

    private static long ttlMillis(Expiring item, Instant now) {
        return Math.max(1, Duration.between(now, item.expiresAt()).toMillis());
    }

    private String itemKey(String key) {
        return prefix + ":i:" + key;
    }

    private String ownerKey(String owner) {
        return prefix + ":o:" + owner;
    }

    private String groupKey(String groupName) {
        return prefix + ":g:" + groupName;
    }
}
