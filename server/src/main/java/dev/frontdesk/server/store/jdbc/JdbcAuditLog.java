package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.audit.AuditEvent;
import dev.frontdesk.core.audit.AuditLog;
import dev.frontdesk.core.audit.AuditQuery;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.support.StoreUnavailable;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in the relational store, written through {@link GroupCommit}. An event the database
 * cannot take because it does not answer goes to the {@link AuditSpool} in the data directory, and so
 * does every later event while the spool holds any (nothing overtakes the spooled ones); the spool
 * replays them, exactly once, when the database answers again or at the next start.
 */
public final class JdbcAuditLog implements AuditLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final String INSERT = """
            INSERT INTO audit_events (id, at, tenant, event_type, username, channel, client_ip, actor, detail)
            VALUES (:id, :at, :tenant, :type, :username, :channel, :clientIp, :actor, :detail)""";

    private final Jdbi jdbi;
    private final GroupCommit writes;
    private final AuditSpool spool;

    /** {@code spoolDir}: a local directory (the data directory) for events written during an outage. */
    public JdbcAuditLog(Database database, Path spoolDir) {
        this.jdbi = database.jdbi();
        this.writes = database.groupCommit();
        this.spool = new AuditSpool(spoolDir, this::replay);
    }

    /** Events waiting in the spool for the database (gauge {@code frontdesk_audit_spool_events}). */
    public long spooledEvents() {
        return spool.pending();
    }

    /**
     * Queues the event for the next shared transaction and returns without waiting for the commit: audit
     * events are the one write on every request path that the answer does not depend on. Reads of the
     * trail wait for the queue (see {@link #query}); an orderly shutdown writes it out; a crash loses what
     * is still queued (normally milliseconds' worth). A write the database does not answer goes to the
     * spool; any other failed write (a bug, not an outage) is logged.
     */
    @Override
    public void record(AuditEvent e) {
        if (spool.pending() > 0) {
            spool.add(e);
            return;
        }
        writes.submit(h -> insert(h, e))
                .whenComplete((ok, failure) -> {
                    if (failure == null) {
                        return;
                    }
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                            ? c.getCause() : failure;
                    if (cause instanceof StoreUnavailable) {
                        spool.add(e);
                    } else {
                        LOG.error("audit event {} of tenant {} was not stored: {}", e.type(), e.tenant(),
                                cause.getClass().getName());
                    }
                });
    }

    /** Stores the events not stored yet, in one transaction (the spool's replay: idempotent by ID). */
    private void replay(List<AuditEvent> events) {
        jdbi.useTransaction(h -> {
            Set<String> stored = new HashSet<>(h.createQuery("SELECT id FROM audit_events WHERE id IN (<ids>)")
                    .bindList("ids", events.stream().map(AuditEvent::id).toList())
                    .mapTo(String.class).list());
            for (AuditEvent event : events) {
                if (stored.add(event.id())) {
                    insert(h, event);
                }
            }
        });
    }

    private static void insert(Handle h, AuditEvent e) {
        h.createUpdate(INSERT)
                .bind("id", e.id()).bind("at", e.at().toEpochMilli()).bind("tenant", e.tenant())
                .bind("type", e.type().name()).bind("username", clip(e.username(), 256))
                .bind("channel", clip(e.channel(), 32)).bind("clientIp", clip(e.clientIp(), 64))
                .bind("actor", clip(e.actor(), 256)).bind("detail", clip(e.detail(), 2000))
                .execute();
    }

    /** Lets the spool write out what it holds (replayed at the next start). Close after the database's group commit. */
    @Override
    public void close() {
        spool.close();
    }

    @Override
    public List<AuditEvent> query(AuditQuery q) {
        writes.run(h -> {
        }); // queued events first: a trail read after an action shows it
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_events WHERE tenant = :tenant");
        if (q.type() != null) {
            sql.append(" AND event_type = :type");
        }
        if (q.username() != null) {
            sql.append(" AND LOWER(username) = :username");
        }
        if (q.since() != null) {
            sql.append(" AND at >= :since");
        }
        if (q.until() != null) {
            sql.append(" AND at < :until");
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ").append(q.limit());
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString()).bind("tenant", q.tenant());
            if (q.type() != null) {
                query.bind("type", q.type().name());
            }
            if (q.username() != null) {
                query.bind("username", q.username().toLowerCase(Locale.ROOT));
            }
            if (q.since() != null) {
                query.bind("since", q.since().toEpochMilli());
            }
            if (q.until() != null) {
                query.bind("until", q.until().toEpochMilli());
            }
            return query.map((rs, ctx) -> read(rs)).list();
        });
    }

    private static AuditEvent read(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getString("id"), Instant.ofEpochMilli(rs.getLong("at")), rs.getString("tenant"),
                AuditType.valueOf(rs.getString("event_type")), rs.getString("username"), rs.getString("channel"),
                rs.getString("client_ip"), rs.getString("actor"), rs.getString("detail"));
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
