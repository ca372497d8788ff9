package dev.frontdesk.server.store.redis;

import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.server.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A session as stored in Redis: times as epoch milliseconds, so Lua scripts can update them. */
record SessionJson(String idHash, String ref, String tenant, String accountId, String username, String accountType,
                   String channel, long createdAt, long lastSeenAt, long idleTimeoutMs, long absoluteExpiry,
                   String clientIp, String userAgent, String clientId, Map<String, String> attributes) {

    static String encode(Session s) {
        return Json.write(new SessionJson(s.idHash(), s.ref(), s.tenant(), s.accountId(), s.username(),
                s.accountType().wireName(), s.channel(), s.createdAt().toEpochMilli(), s.lastSeenAt().toEpochMilli(),
                s.idleTimeout().toMillis(), s.absoluteExpiry().toEpochMilli(), s.clientIp(), s.userAgent(), s.clientId(),
                s.attributes()));
    }

    static Session decode(String json) {
        SessionJson j = Json.MAPPER.readValue(json, SessionJson.class);
        return new Session(j.idHash(), j.ref(), j.tenant(), j.accountId(), j.username(),
                AccountType.fromWire(j.accountType()), j.channel(), Instant.ofEpochMilli(j.createdAt()),
                Instant.ofEpochMilli(j.lastSeenAt()), Duration.ofMillis(j.idleTimeoutMs()),
                Instant.ofEpochMilli(j.absoluteExpiry()), j.clientIp(), j.userAgent(), j.clientId(),
                j.attributes() == null ? Map.of() : j.attributes());
    }
}
