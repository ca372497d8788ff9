package dev.frontdesk.core.session;

import dev.frontdesk.core.audit.AuditType;

/** Why a session ended; each maps to its audit event. */
public enum EndReason {
    LOGOUT(AuditType.LOGOUT),
    EVICTED(AuditType.SESSION_EVICTED),
    EXPIRED(AuditType.SESSION_EXPIRED),
    ENDED_BY_ADMIN(AuditType.SESSION_ENDED),
    ACCOUNT_DISABLED(AuditType.SESSION_ENDED),
    PASSWORD_CHANGED(AuditType.SESSION_ENDED);

    private final AuditType auditType;

    EndReason(AuditType auditType) {
        this.auditType = auditType;
    }

    public AuditType auditType() {
        return auditType;
    }
}
