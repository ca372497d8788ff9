package dev.frontdesk.server.transfer;

import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.support.IdGenerator;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/**
 * One {@code admin.change} audit event per tenant an import changed, with actor {@code cli}, written in
 * the import's own transaction: the trail says what arrived and when, without an event per record
 * (a migration of a hundred thousand accounts would double its writes).
 */
final class ImportAudit {
    private final IdGenerator ids;
    private final Clock clock;

    ImportAudit(IdGenerator ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    void record(Handle h, String tenant, String detail) {
        h.createUpdate("""
                        INSERT INTO audit_events (id, at, tenant, event_type, username, channel, client_ip, actor, detail)
                        VALUES (:id, :at, :tenant, :type, NULL, NULL, NULL, 'cli', :detail)""")
                .bind("id", ids.newId()).bind("at", clock.millis()).bind("tenant", tenant)
                .bind("type", AuditType.ADMIN_CHANGE.name())
                .bind("detail", detail.length() > 2000 ? detail.substring(0, 2000) : detail).execute();
    }
}
