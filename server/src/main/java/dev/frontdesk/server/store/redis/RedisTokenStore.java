package dev.frontdesk.server.store.redis;

import dev.frontdesk.core.client.AccessToken;
import dev.frontdesk.core.client.TokenStore;
import dev.frontdesk.core.session.Admission;
import dev.frontdesk.server.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Access tokens in Redis, shared by every node; read from Redis on each use, so a revoke is seen at once. */
public final class RedisTokenStore implements TokenStore {
    private final CappedRedisIndex<AccessToken> index;

    record TokenJson(String idHash, String tenant, String clientId, long createdAt, long expiresAt) {
    }

    public RedisTokenStore(Redis redis) {
        this.index = new CappedRedisIndex<>(redis, "fd:t", RedisTokenStore::encode, RedisTokenStore::decode,
                AccessToken::tenant, token -> null, token -> false);
    }

    @Override
    public Admission<AccessToken> admit(AccessToken token, int cap, boolean force, Instant now) {
        return index.admit(token, cap, force, now);
    }

    @Override
    public Optional<AccessToken> find(String idHash) {
        return index.find(idHash);
    }

    @Override
    public Optional<AccessToken> remove(String idHash) {
        return index.find(idHash).flatMap(t -> index.remove(idHash, t.owner(), t.tenant()));
    }

    @Override
    public List<AccessToken> findByClient(String tenant, String clientId) {
        return index.itemsOfOwner(tenant + "/" + clientId);
    }

    @Override
    public List<AccessToken> removeExpired(Instant now) {
        return index.removeExpired(now);
    }

    private static String encode(AccessToken t) {
        return Json.write(new TokenJson(t.idHash(), t.tenant(), t.clientId(), t.createdAt().toEpochMilli(),
                t.expiresAt().toEpochMilli()));
    }

    private static AccessToken decode(String json) {
        TokenJson j = Json.MAPPER.readValue(json, TokenJson.class);
        return new AccessToken(j.idHash(), j.tenant(), j.clientId(), Instant.ofEpochMilli(j.createdAt()),
                Instant.ofEpochMilli(j.expiresAt()));
    }
}
