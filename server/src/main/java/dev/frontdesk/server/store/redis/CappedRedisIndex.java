package dev.frontdesk.server.store.redis;

import dev.frontdesk.core.session.Admission;
import dev.frontdesk.core.session.Expiring;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /**
     * Lua helpers: {@code fields} splits a {@code p:w} entry ("owner\ngroup\nplace\nclass"; entries
     * written before places and counters had two fields, and are not counted); {@code live} says whether
     * an item is readable and not due; {@code release} drops an item as its place's holder, handing the
     * place to another item of the same owner at that place; {@code drop} removes an item from every
     * index and the counters, leaving a tombstone, and returns it.
     */
    private static final String DROP = """
            local function fields(w)
              local f = {}
              for part in string.gmatch(w .. '\\n', '([^\\n]*)\\n') do table.insert(f, part) end
              return f
            end
            local function live(p, m, now)
              if redis.call('EXISTS', p .. ':i:' .. m) == 0 then return false end
              local due = redis.call('ZSCORE', p .. ':e', m)
              return (not due) or tonumber(due) > now
            end
            local function release(p, m, f)
              local places = p .. ':p:' .. f[2]
              if redis.call('HGET', places, f[3]) ~= m then return end
              redis.call('HDEL', places, f[3])
              for _, other in ipairs(redis.call('ZRANGE', p .. ':o:' .. f[1], 0, -1)) do
                if other ~= m then
                  local ow = redis.call('HGET', p .. ':w', other)
                  if ow and fields(ow)[3] == f[3] then
                    redis.call('HSET', places, f[3], other)
                    return
                  end
                end
              end
            end
            local function drop(p, m)
              local w = redis.call('HGET', p .. ':w', m)
              redis.call('ZREM', p .. ':e', m)
              if w then
                local f = fields(w)
                redis.call('ZREM', p .. ':o:' .. f[1], m)
                redis.call('SREM', p .. ':g:' .. f[2], m)
                if #f >= 4 then
                  redis.call('HINCRBY', p .. ':n', f[2], -1)
                  if f[4] == 'c' then redis.call('HINCRBY', p .. ':c', f[2], -1) end
                  if f[3] ~= '' then release(p, m, f) end
                end
                redis.call('HDEL', p .. ':w', m)
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
    /**
     * Admits ARGV[2] under the owner's cap (the owner's items are read only at the cap), the group's
     * licences (ARGV[12], for class 'c' items) and, when ARGV[13] is '1', its place. Answers
     * {status, evictions, evicted..., expired...}; status 1 admitted, 0 at the cap, 2 no licence, 3 place taken.
     */
    private static final String ADMIT = DROP + """
            local p = ARGV[1]
            local key = ARGV[2]
            local now = tonumber(ARGV[9])
            local cap = tonumber(ARGV[5])
            local me = fields(ARGV[11])
            local live_items = {}
            local expired = {}
            if redis.call('ZCARD', KEYS[1]) >= cap then
              for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
                local v = redis.call('GET', p .. ':i:' .. m)
                local due = redis.call('ZSCORE', p .. ':e', m)
                if v and (not due or tonumber(due) > now) then table.insert(live_items, {m, v}) else
                  local gone = drop(p, m)
                  redis.call('ZREM', KEYS[1], m)
                  redis.call('SREM', KEYS[3], m)
                  if gone then table.insert(expired, gone) end
                end
              end
            end
            local function refuse(status)
              local refused = {status, '0'}
              for _, v in ipairs(expired) do table.insert(refused, v) end
              return refused
            end
            local evictions = 0
            if #live_items >= cap then
              if ARGV[6] ~= '1' then return refuse('0') end
              evictions = #live_items - cap + 1
            end
            if ARGV[13] == '1' and me[3] ~= '' then
              local holder = redis.call('HGET', p .. ':p:' .. me[2], me[3])
              if holder and holder ~= ARGV[14] and holder ~= key and live(p, holder, now) then
                local hw = redis.call('HGET', p .. ':w', holder)
                if hw and fields(hw)[1] ~= me[1] then return refuse('3') end
              end
            end
            if ARGV[12] ~= '' and me[4] == 'c' then
              local licences = tonumber(ARGV[12])
              local function held() return tonumber(redis.call('HGET', p .. ':c', me[2]) or '0') - evictions end
              if held() >= licences then
                -- the counters include lapsed items until a sweep: sweep some before refusing
                for _, m in ipairs(redis.call('ZRANGEBYSCORE', p .. ':e', '-inf', now, 'LIMIT', 0, 100)) do
                  local gone = drop(p, m)
                  if gone then table.insert(expired, gone) end
                end
                if held() >= licences then return refuse('2') end
              end
            end
            local evicted = {}
            for i = 1, evictions do
              drop(p, live_items[i][1])
              redis.call('ZREM', KEYS[1], live_items[i][1])
              redis.call('SREM', KEYS[3], live_items[i][1])
              table.insert(evicted, live_items[i][2])
            end
            redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
            redis.call('ZADD', KEYS[1], ARGV[7], key)
            redis.call('SADD', KEYS[3], key)
            redis.call('ZADD', p .. ':e', ARGV[10], key)
            redis.call('HSET', p .. ':w', key, ARGV[11])
            redis.call('HINCRBY', p .. ':n', me[2], 1)
            if me[4] == 'c' then redis.call('HINCRBY', p .. ':c', me[2], 1) end
            if me[3] ~= '' then redis.call('HSET', p .. ':p:' .. me[2], me[3], key) end
            local result = {'1', tostring(#evicted)}
            for _, v in ipairs(evicted) do table.insert(result, v) end
            for _, v in ipairs(expired) do table.insert(result, v) end
            return result
            """;
    /**
     * Merges ARGV[3] into item ARGV[2] and moves it to place ARGV[5], unless another owner's live item
     * holds that place (answers 2); answers 1 when done or when the item has ended.
     */
    private static final String MOVE = DROP + """
            local p = ARGV[1]
            local key = ARGV[2]
            if redis.call('EXISTS', KEYS[2]) == 1 then return 1 end
            local v = redis.call('GET', KEYS[1])
            local w = redis.call('HGET', p .. ':w', key)
            if not v or not w then return 1 end
            local f = fields(w)
            local places = p .. ':p:' .. f[2]
            local holder = redis.call('HGET', places, ARGV[5])
            if holder and holder ~= key and live(p, holder, tonumber(ARGV[6])) then
              local hw = redis.call('HGET', p .. ':w', holder)
              if hw and fields(hw)[1] ~= f[1] then return 2 end
            end
            local item = cjson.decode(v)
            for k, value in pairs(cjson.decode(ARGV[3])) do item[k] = value end
            redis.call('SET', KEYS[1], cjson.encode(item), 'PX', ARGV[4])
            if #f >= 4 then
              if f[3] ~= '' then release(p, key, f) end
              redis.call('HSET', p .. ':w', key, f[1] .. '\\n' .. f[2] .. '\\n' .. ARGV[5] .. '\\n' .. f[4])
              redis.call('HSET', places, ARGV[5], key)
            end
            return 1
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
    private final Function<T, String> place;
    private final Predicate<T> licensed;

    /**
     * @param group    the set an item is listed and counted in (its tenant)
     * @param place    the name an item holds in its group (an SRS place), or null
     * @param licensed whether an item counts against its group's licences (a customer's session)
     */
    CappedRedisIndex(Redis redis, String prefix, Function<T, String> encode, Function<String, T> decode,
                     Function<T, String> group, Function<T, String> place, Predicate<T> licensed) {
        this.redis = redis;
        this.prefix = prefix;
        this.encode = encode;
        this.decode = decode;
        this.group = group;
        this.place = place;
        this.licensed = licensed;
    }

    /** An item admitted under the owner's cap only. */
    Admission<T> admit(T item, int cap, boolean force, Instant now) {
        return admit(item, cap, force, null, false, null, now);
    }

    /**
     * Admits under the owner's cap, the group's licences (null: none) and, with {@code claimsPlace}, the
     * item's place (which {@code yielding} may hold), all in one script.
     */
    Admission<T> admit(T item, int cap, boolean force, Integer licences, boolean claimsPlace, String yielding,
                       Instant now) {
        String held = Objects.requireNonNullElse(place.apply(item), "");
        List<String> result = redis.script(ADMIT, ScriptOutputType.MULTI,
                new String[] {ownerKey(item.owner()), itemKey(item.key()), groupKey(group.apply(item))},
                prefix, item.key(), encode.apply(item), String.valueOf(ttlMillis(item, now)),
                String.valueOf(cap), force ? "1" : "0", String.valueOf(item.createdAt().toEpochMilli()), "",
                String.valueOf(now.toEpochMilli()), String.valueOf(item.expiresAt().toEpochMilli()),
                item.owner() + "\n" + group.apply(item) + "\n" + held + "\n" + (licensed.test(item) ? "c" : ""),
                licences == null ? "" : licences.toString(), claimsPlace ? "1" : "0",
                Objects.requireNonNullElse(yielding, ""));
        int evictions = Integer.parseInt(result.get(1));
        List<T> evicted = new ArrayList<>();
        List<T> expired = new ArrayList<>();
        for (int i = 2; i < result.size(); i++) {
            (i < 2 + evictions ? evicted : expired).add(decode.apply(result.get(i)));
        }
        return switch (result.get(0)) {
            case "1" -> new Admission<>(true, evicted, expired);
            case "2" -> Admission.refused(Admission.Refusal.NO_LICENCE, expired);
            case "3" -> Admission.refused(Admission.Refusal.PLACE_TAKEN, expired);
            default -> Admission.refused(expired);
        };
    }

    /**
     * Merges {@code changesJson} into the stored item and moves it to {@code newPlace}: false (nothing
     * changed) when another owner's live item holds that place.
     */
    boolean moveToPlace(String key, String changesJson, long ttlMillis, String newPlace, Instant now) {
        Long done = redis.script(MOVE, ScriptOutputType.INTEGER,
                new String[] {itemKey(key), prefix + ":x:" + key}, prefix, key, changesJson,
                String.valueOf(Math.max(1, ttlMillis) + GRACE.toMillis()), newPlace,
                String.valueOf(now.toEpochMilli()));
        return done == null || done != 2;
    }

    /** Items held in every group, from the counters the scripts keep (no scan). */
    long count() {
        return redis.call(c -> c.hvals(prefix + ":n")).stream().mapToLong(Long::parseLong).sum();
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
