package dev.frontdesk.core.audit;

import java.time.Instant;
import java.util.Objects;

/** One thing that happened to an account, session, token or setting. Never holds a secret. */
public record AuditEvent(String id, Instant at, String tenant, AuditType type, String username, String channel,
                         String clientIp, String actor, String detail) {
    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(type, "type");
    }
}
