package dev.frontdesk.core.audit;

import java.util.List;

/** Port: the audit trail. */
public interface AuditLog {
    void record(AuditEvent event);

    List<AuditEvent> query(AuditQuery query);
}
