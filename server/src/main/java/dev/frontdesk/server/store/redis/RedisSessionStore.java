package dev.frontdesk.server.store.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.session.Admission;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.session.SessionLimits;
import dev.frontdesk.core.session.SessionStore;
import dev.frontdesk.server.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions in Redis, shared by every node, with a small node-local cache for the validation hot path.
 *
 * <p>Cache correctness across nodes: a node that ends or evicts a session publishes its hash on
 * {@link #INVALIDATION_CHANNEL}, and every node drops it from its cache on receipt (milliseconds).
 * Should a message be lost, a cached entry lives at most {@link #CACHE_BOUND}, so an ended session is
 * refused everywhere within that bound. A cached copy whose idle time looks lapsed is re-read from
 * Redis before anything is decided, since another node may have seen the session used meanwhile.
 */
public final class RedisSessionStore implements SessionStore {
    public static final String INVALIDATION_CHANNEL = "fd:sessions:ended";
    public static final Duration CACHE_BOUND = Duration.ofSeconds(2);

    private final Redis redis;
    private final Clock clock;
    private final CappedRedisIndex<Session> index;
    private final Cache<String, Session> cache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_BOUND)
            .maximumSize(200_000)
            .build();

    public RedisSessionStore(Redis redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
        this.index = new CappedRedisIndex<>(redis, "fd:s", SessionJson::encode, SessionJson::decode, Session::tenant,
                Session::place, s -> s.accountType() == AccountType.CUSTOMER);
        redis.subscribe(INVALIDATION_CHANNEL, cache::invalidate);
    }

    @Override
    public Admission<Session> admit(Session session, SessionLimits limits, Instant now) {
        Admission<Session> admission = index.admit(session, limits.perAccount(), limits.force(),
                limits.customerLicences(), limits.claimsPlace(), limits.yieldingIdHash(), now);
        admission.evicted().forEach(this::announceEnd);
        return admission;
    }

    @Override
    public Optional<Session> find(String idHash) {
        Session cached = cache.getIfPresent(idHash);
        if (cached != null && !cached.isExpiredAt(clock.instant())) {
            return Optional.of(cached);
        }
        Optional<Session> stored = index.find(idHash);
        stored.ifPresentOrElse(s -> cache.put(idHash, s), () -> cache.invalidate(idHash));
        return stored;
    }

    @Override
    public void touch(String idHash, Instant lastSeenAt) {
        Session cached = cache.getIfPresent(idHash);
        Session current = cached != null ? cached : index.find(idHash).orElse(null);
        if (current == null) {
            return;
        }
        Session touched = current.touchedAt(lastSeenAt);
        long ttl = Duration.between(clock.instant(), touched.expiresAt()).toMillis();
        if (index.patch(idHash, "{\"lastSeenAt\":" + lastSeenAt.toEpochMilli() + "}", ttl, touched.expiresAt())) {
            cache.put(idHash, touched);
        } else {
            cache.invalidate(idHash);
        }
    }

    @Override
    public boolean updateAttributes(String idHash, Map<String, String> attributes, Instant now) {
        Optional<Session> found = index.find(idHash);
        if (found.isEmpty()) {
            return true;
        }
        Session current = found.get();
        long ttl = Duration.between(now, current.expiresAt()).toMillis();
        String changes = Json.write(Map.of("attributes", attributes));
        String place = attributes.get(Session.PLACE);
        boolean done = true;
        if (place == null || place.equals(current.place())) {
            index.patch(idHash, changes, ttl, null);
        } else {
            done = index.moveToPlace(idHash, changes, ttl, place, now);
        }
        cache.invalidate(idHash);
        return done;
    }

    @Override
    public Optional<Session> remove(String idHash) {
        Optional<Session> known = Optional.ofNullable(cache.getIfPresent(idHash)).or(() -> index.find(idHash));
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Optional<Session> removed = index.remove(idHash, known.get().accountId(), known.get().tenant());
        announceEnd(known.get());
        return removed;
    }

    @Override
    public List<Session> findByAccount(String accountId) {
        return index.itemsOfOwner(accountId);
    }

    @Override
    public List<Session> findByTenant(String tenant) {
        return index.itemsOfGroup(tenant);
    }

    @Override
    public long count() {
        return index.count();
    }

    @Override
    public List<Session> removeExpired(Instant now) {
        // one script per batch: each lapsed session goes to exactly one node's sweep, which audits it
        List<Session> removed = index.removeExpired(now);
        removed.forEach(this::announceEnd);
        return removed;
    }

    @Override
    public boolean isHealthy() {
        return redis.isHealthy();
    }

    private void announceEnd(Session session) {
        cache.invalidate(session.idHash());
        try {
            redis.publish(INVALIDATION_CHANNEL, session.idHash());
        } catch (RuntimeException e) {
            // the cache bound still applies; the session itself is already gone from Redis
        }
    }
}
