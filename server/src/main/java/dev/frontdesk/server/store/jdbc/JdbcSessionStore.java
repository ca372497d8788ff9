package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.session.IndexedSessionStore;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.server.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Jdbi;

/**
 * Durable sessions for one node: every session lives in memory (validation never reads the
 * database) and is written through to the relational store inside the account's admission lock, so
 * memory and disk agree. At start-up the table is read back (in the background while the node
 * already serves, see {@link Restore}), which is how sessions survive a {@code kill -9}; an ended
 * session is deleted from the table before it leaves memory, so it cannot come back after a restart.
 */
public final class JdbcSessionStore implements IndexedSessionStore.Journal {
    private final Database database;
    private final Jdbi jdbi;

    private JdbcSessionStore(Database database) {
        this.database = database;
        this.jdbi = database.jdbi();
    }

    /** Reads the stored sessions back before it returns. */
    public static IndexedSessionStore open(Database database) {
        return open(database, Runnable::run);
    }

    /** Serves at once; {@code loader} reads the stored sessions back meanwhile. */
    public static IndexedSessionStore open(Database database, Executor loader) {
        JdbcSessionStore journal = new JdbcSessionStore(database);
        return new IndexedSessionStore(journal, Restore.sessions(journal.jdbi), loader);
    }

    @Override
    public void added(Session s) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sessions (id_hash, ref, tenant, account_id, username, account_type, channel,
                            created_at, last_seen_at, idle_timeout_ms, absolute_expiry, client_ip, user_agent,
                            client_id, attributes)
                        VALUES (:idHash, :ref, :tenant, :accountId, :username, :type, :channel, :createdAt,
                            :lastSeenAt, :idle, :absoluteExpiry, :clientIp, :userAgent, :clientId, :attributes)""")
                .bind("idHash", s.idHash()).bind("ref", s.ref()).bind("tenant", s.tenant())
                .bind("accountId", s.accountId()).bind("username", s.username())
                .bind("type", s.accountType().wireName()).bind("channel", s.channel())
                .bind("createdAt", s.createdAt().toEpochMilli()).bind("lastSeenAt", s.lastSeenAt().toEpochMilli())
                .bind("idle", s.idleTimeout().toMillis()).bind("absoluteExpiry", s.absoluteExpiry().toEpochMilli())
                .bind("clientIp", s.clientIp()).bind("userAgent", s.userAgent()).bind("clientId", s.clientId())
                .bind("attributes", Json.write(s.attributes()))
                .execute());
    }

    @Override
    public void removed(Session session) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE id_hash = :id")
                .bind("id", session.idHash()).execute());
    }

    @Override
    public void touched(String idHash, Instant lastSeenAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET last_seen_at = :at WHERE id_hash = :id")
                .bind("at", lastSeenAt.toEpochMilli()).bind("id", idHash).execute());
    }

    @Override
    public void attributesChanged(String idHash, Map<String, String> attributes) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET attributes = :a WHERE id_hash = :id")
                .bind("a", Json.write(attributes)).bind("id", idHash).execute());
    }

    @Override
    public boolean isHealthy() {
        return database.isHealthy();
    }
}
