package dev.frontdesk.core.audit;

import dev.frontdesk.core.support.IdGenerator;
import dev.frontdesk.core.support.RequestContext;
import java.time.Clock;

/** Stamps events with an ID and the time, and hands them to the log. */
public final class Audit {
    private final AuditLog log;
    private final Clock clock;
    private final IdGenerator ids;

    public Audit(AuditLog log, Clock clock, IdGenerator ids) {
        this.log = log;
        this.clock = clock;
        this.ids = ids;
    }

    public void record(AuditType type, String tenant, String username, RequestContext context, String detail) {
        log.record(new AuditEvent(ids.newId(), clock.instant(), tenant, type, username, context.channel(),
                context.clientIp(), context.actor(), detail));
    }

    public AuditLog log() {
        return log;
    }
}
