package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.client.AccessToken;
import dev.frontdesk.core.session.IndexedSessionStore;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.server.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the live sessions and tokens back after a restart, in the background while the node serves
 * (100,000 of each in the benchmark). The columns are named once and read by position, a session
 * without attributes skips the JSON parser, and the values that repeat from row to row (tenant,
 * channel, client, user agent, client address) are shared instead of kept once per row, which is also
 * most of the heap a restored session would otherwise cost over a fresh one.
 */
final class Restore {
    private static final String SESSIONS = """
            SELECT id_hash, ref, tenant, account_id, username, account_type, channel, created_at, last_seen_at,
                idle_timeout_ms, absolute_expiry, client_ip, user_agent, client_id, attributes FROM sessions""";
    private static final String TOKENS = "SELECT id_hash, tenant, client_id, created_at, expires_at FROM access_tokens";
    private static final int FETCH = 5_000;

    private Restore() {
    }

    /** The stored sessions, streamed to a store that loads them while it serves (read-through by ID or account). */
    static IndexedSessionStore.Backlog sessions(Jdbi jdbi) {
        return new IndexedSessionStore.Backlog() {
            @Override
            public void forEach(Consumer<Session> each) {
                Shared shared = new Shared();
                jdbi.useHandle(h -> h.createQuery(SESSIONS).setFetchSize(FETCH)
                        .map((rs, ctx) -> session(rs, shared)).forEach(each));
            }

            @Override
            public Optional<Session> find(String idHash) {
                return jdbi.withHandle(h -> h.createQuery(SESSIONS + " WHERE id_hash = :id").bind("id", idHash)
                        .map((rs, ctx) -> session(rs, new Shared())).findOne());
            }

            @Override
            public List<Session> ofAccount(String accountId) {
                return jdbi.withHandle(h -> h.createQuery(SESSIONS + " WHERE account_id = :account")
                        .bind("account", accountId).map((rs, ctx) -> session(rs, new Shared())).list());
            }
        };
    }

    /** Streams every stored token to {@code each}. */
    static void tokens(Jdbi jdbi, Consumer<AccessToken> each) {
        Shared shared = new Shared();
        jdbi.useHandle(h -> h.createQuery(TOKENS).setFetchSize(FETCH).map((rs, ctx) -> new AccessToken(
                rs.getString(1), shared.of(rs.getString(2)), shared.of(rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)))).forEach(each));
    }

    private static Session session(ResultSet rs, Shared shared) throws SQLException {
        String attributes = rs.getString(15);
        return new Session(rs.getString(1), rs.getString(2), shared.of(rs.getString(3)), rs.getString(4),
                rs.getString(5), AccountType.fromWire(rs.getString(6)), shared.of(rs.getString(7)),
                Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)),
                Duration.ofMillis(rs.getLong(10)), Instant.ofEpochMilli(rs.getLong(11)), shared.of(rs.getString(12)),
                shared.of(rs.getString(13)), shared.of(rs.getString(14)),
                attributes == null || attributes.isEmpty() || attributes.equals("{}") ? Map.of()
                        : Json.readStringMap(attributes));
    }

    /** One instance per distinct value, for the columns where few values repeat over many rows. */
    private static final class Shared {
        private static final int LIMIT = 50_000;
        private final Map<String, String> values = new HashMap<>();

        String of(String value) {
            if (value == null) {
                return null;
            }
            String known = values.get(value);
            if (known != null) {
                return known;
            }
            if (values.size() < LIMIT) {
                values.put(value, value);
            }
            return value;
        }
    }
}
