package dev.frontdesk.core.audit;

import java.time.Instant;

/** Filters for reading the audit trail, newest first; null fields match everything. */
public record AuditQuery(String tenant, AuditType type, String username, Instant since, Instant until, int limit) {
    public AuditQuery {
        limit = limit <= 0 ? 100 : Math.min(limit, 10_000);
    }
}
