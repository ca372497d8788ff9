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
 * <p>Layout under a prefix {@code p}: {@code p:i:<key>} holds the item as JSON; {@code p:o:<owner>} is a
 * sorted set of the owner's keys by creation time; {@code p:g:<group>} a set of keys for listing (per
 * tenant); {@code p:x:<key>} a tombstone left by an ended item until it would have expired, so a late
 * touch cannot write it back. Admission runs as one Lua script, which Redis executes atomically: that
 * is what holds the per-owner cap across nodes.
 *
 * <p>Expiry: {@code p:e} is a sorted set of every key by its expiry time, and {@code p:w} a hash of key
 * to "owner\ngroup". An item outlives its expiry in Redis by {@link #GRACE}, so that whichever comes
 * first, a node's sweep ({@link #removeExpired}), a validation, or an admission to the same owner, can
 * still read it, remove it from every index and hand it back to be audited as expired. Each of those is
 * one script, so exactly one node gets each expired item, however many sweep at once. An item whose
 * grace also passed while no node ran is still taken out of every index by the sweep (but not audited:
 * its contents are gone).
 */
final class CappedRedisIndex<T extends Expiring> {
    /** How long an expired item stays readable for the sweep that audits it. */
    static final Duration GRACE = Duration.ofMinutes(15);
    private static final int SWEEP_BATCH = 500;

    /** Removes key ARGV[1] (item, owner and group indexes, expiry index), leaving a tombstone; returns the item. */
    private static final String DROP = """
            local function drop(p, m)
              local w = redis.call('HGET', p .. ':w', m)
              redis.call('ZREM', p .. ':e', m)
              redis.call('HDEL', p .. ':w', m)
              if w then
                local sep = string.find(w, '\\n', 1, true)
                redis.call('ZREM', p .. ':o:' .. string.sub(w, 1, sep - 1), m)
                redis.call('SREM', p .. ':g:' .. string.sub(w, sep + 1), m)
              end
              local v = redis.call('GET', p .. ':i:' .. m)
              if v then
                local ttl = redis.call('PTTL', p .. ':i:' .. m)
                redis.call('DEL', p .. ':i:' .. m)
                if ttl > 0 then redis.call('SET', p .. ':x:' .. m, '1', 'PX', ttl) end
              end
              return v
            end
            """;
    private static final String ADMIT = DROP + """
            local p = ARGV[1]
            local now = tonumber(ARGV[9])
            local members = redis.call('ZRANGE', KEYS[1], 0, -1)
            local live = {}
            local expired = {}
            for _, m in ipairs(members) do
              local v = redis.call('GET', p .. ':i:' .. m)
              local due = redis.call('ZSCORE', p .. ':e', m)
              if v and (not due or tonumber(due) > now) then table.insert(live, {m, v}) else
                local gone = drop(p, m)
                redis.call('ZREM', KEYS[1], m)
                redis.call('SREM', KEYS[3], m)
                if gone then table.insert(expired, gone) end
              end
            end
            local cap = tonumber(ARGV[5])
            local evicted = {}
            if #live >= cap then
              if ARGV[6] ~= '1' then
                local refused = {'0', '0'}
                for _, v in ipairs(expired) do table.insert(refused, v) end
                return refused
              end
              for i = 1, #live - cap + 1 do
                drop(p, live[i][1])
                redis.call('ZREM', KEYS[1], live[i][1])
                redis.call('SREM', KEYS[3], live[i][1])
                table.insert(evicted, live[i][2])
              end
            end
            redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
            redis.call('ZADD', KEYS[1], ARGV[7], ARGV[2])
            redis.call('SADD', KEYS[3], ARGV[2])
            redis.call('ZADD', p .. ':e', ARGV[10], ARGV[2])
            redis.call('HSET', p .. ':w', ARGV[2], ARGV[11])
            local result = {'1', tostring(#evicted)}
            for _, v in ipairs(evicted) do table.insert(result, v) end
            for _, v in ipairs(expired) do table.insert(result, v) end
            return result
            """;
    private static final String REMOVE = DROP + """
            local v = drop(ARGV[1], ARGV[2])
            redis.call('ZREM', KEYS[1], ARGV[2])
            redis.call('SREM', KEYS[2], ARGV[2])
            return v
            """;
    /** Sets top-level fields of the stored JSON (numbers or JSON values), its TTL and expiry, unless the item ended. */
    private static final String PATCH = """
            if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
            local v = redis.call('GET', KEYS[1])
            if not v then return 0 end
            local item = cjson.decode(v)
            local changes = cjson.decode(ARGV[1])
            for k, value in pairs(changes) do item[k] = value end
            redis.call('SET', KEYS[1], cjson.encode(item), 'PX', ARGV[2])
            if ARGV[3] ~= '' then redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4]) end
            return 1
            """;
    private static final String REPLACE = """
            if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
            return 1
            """;
    /** Takes up to ARGV[3] items due at ARGV[2] out of every index; returns those still readable. */
    private static final String SWEEP = DROP + """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
            local out = {}
            for _, m in ipairs(due) do
              local v = drop(ARGV[1], m)
              if v then table.insert(out, v) end
            end
            return out
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
                prefix, item.key(), encode.apply(item), String.valueOf(ttlMillis(item, now)),
                String.valueOf(cap), force ? "1" : "0", String.valueOf(item.createdAt().toEpochMilli()), "",
                String.valueOf(now.toEpochMilli()), String.valueOf(item.expiresAt().toEpochMilli()),
                item.owner() + "\n" + group.apply(item));
        int evictions = Integer.parseInt(result.get(1));
        List<T> evicted = new ArrayList<>();
        List<T> expired = new ArrayList<>();
        for (int i = 2; i < result.size(); i++) {
            (i < 2 + evictions ? evicted : expired).add(decode.apply(result.get(i)));
        }
        if (!"1".equals(result.get(0))) {
            return Admission.refused(expired);
        }
        return new Admission<>(true, evicted, expired);
    }

    /** Takes every item lapsed at {@code now} out of Redis; each goes to exactly one caller on any node. */
    List<T> removeExpired(Instant now) {
        List<T> removed = new ArrayList<>();
        do { // each round takes up to SWEEP_BATCH keys out of the expiry index, so this ends
            List<String> batch = redis.script(SWEEP, ScriptOutputType.MULTI, new String[] {prefix + ":e"}, prefix,
                    String.valueOf(now.toEpochMilli()), String.valueOf(SWEEP_BATCH));
            batch.forEach(json -> removed.add(decode.apply(json)));
        } while (hasDue(now));
        return removed;
    }

    private boolean hasDue(Instant now) {
        return redis.call(c -> c.zcount(prefix + ":e", io.lettuce.core.Range.create(Double.NEGATIVE_INFINITY,
                (double) now.toEpochMilli()))) > 0;
    }

    Optional<T> find(String key) {
        String json = redis.call(c -> c.get(itemKey(key)));
        return Optional.ofNullable(json).map(decode);
    }

    /** Writes a changed item back unless it has ended meanwhile (tombstone or gone). */
    boolean replace(T item, Instant now) {
        long ttl = ttlMillis(item, now);
        Long done = redis.script(REPLACE, ScriptOutputType.INTEGER,
                new String[] {itemKey(item.key()), prefix + ":x:" + item.key(), prefix + ":e"}, encode.apply(item),
                String.valueOf(ttl), String.valueOf(item.expiresAt().toEpochMilli()), item.key());
        return done != null && done == 1;
    }

    /**
     * Merges {@code changesJson} (a JSON object of top-level fields) into the stored item; a non-null
     * {@code expiresAt} is its new expiry. {@code ttlMillis} is the time left until that expiry.
     */
    boolean patch(String key, String changesJson, long ttlMillis, Instant expiresAt) {
        Long done = redis.script(PATCH, ScriptOutputType.INTEGER,
                new String[] {itemKey(key), prefix + ":x:" + key, prefix + ":e"}, changesJson,
                String.valueOf(Math.max(1, ttlMillis) + GRACE.toMillis()),
                expiresAt == null ? "" : String.valueOf(expiresAt.toEpochMilli()), key);
        return done != null && done == 1;
    }

    Optional<T> remove(String key, String owner, String groupName) {
        String json = redis.script(REMOVE, ScriptOutputType.VALUE,
                new String[] {ownerKey(owner), groupKey(groupName)}, prefix, key);
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

    /** Redis's TTL for the item: its remaining life plus {@link #GRACE}. */
    private static long ttlMillis(Expiring item, Instant now) {
        return Math.max(1, Duration.between(now, item.expiresAt()).toMillis()) + GRACE.toMillis();
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
