package dev.frontdesk.core.session;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.audit.Audit;
import dev.frontdesk.core.support.IdGenerator;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantSettings;
import dev.frontdesk.core.tenant.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session rules every dialect shares: opening under the per-account cap (and the tenant's
 * customer licenses), validation with idle and absolute expiry, coalesced touch, and ending.
 *
 * <p>Validation is the hot path: one SHA-256 of the presented ID and one store lookup. "Touch" is
 * written only when the last write is older than {@link Session#touchInterval()}, so a busy session
 * costs no storage write per request; the idle end counts that interval in (see
 * {@link Session#expiresAt()}), so a session never ends before its idle timeout after its last use.
 */
public final class SessionEngine {
    private final SessionStore store;
    private final Tenants tenants;
    private final Audit audit;
    private final Clock clock;
    private final Secrets secrets;
    private final IdGenerator ids;

    public SessionEngine(SessionStore store, Tenants tenants, Audit audit, Clock clock, Secrets secrets,
                         IdGenerator ids) {
        this.store = store;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
        this.secrets = secrets;
        this.ids = ids;
    }

    public OpenResult open(Account account, SessionRequest request) {
        Tenant tenant = tenants.require(account.tenant());
        TenantSettings settings = tenant.settings();
        Instant now = clock.instant();
        String sessionId = secrets.newSecret();
        Session session = new Session(Secrets.hash(sessionId), ids.newId(), account.tenant(), account.id(),
                account.username(), account.type(), request.context().channel(), now, now,
                idleTimeoutFor(account, settings, request), now.plus(settings.maxLifetime()),
                request.context().clientIp(), request.context().userAgent(), request.clientId(),
                request.attributes());

        SessionLimits limits = SessionLimits.perAccount(settings.maxSessionsPerAccount(), request.force())
                .withCustomerLicences(settings.customerSessionLicenses());
        if (session.place() != null) {
            limits = limits.claimingPlace(request.yieldingIdHash());
        }
        Admission<Session> admission = store.admit(session, limits, now);
        admission.expired().forEach(s -> auditEnd(s, EndReason.EXPIRED, RequestContext.system(null)));
        if (!admission.admitted()) {
            return switch (admission.refusal()) {
                case AT_CAP -> new OpenResult.AtCap(settings.maxSessionsPerAccount());
                case NO_LICENCE -> new OpenResult.LicensesExhausted(settings.customerSessionLicenses());
                case PLACE_TAKEN -> throw new PlaceTaken(session.place());
            };
        }
        admission.evicted().forEach(s -> auditEnd(s, EndReason.EVICTED, request.context()));
        return new OpenResult.Opened(session, sessionId, admission.evicted());
    }

    /** The live session for a presented ID, counting this as activity; empty if unknown or lapsed. */
    public Optional<Session> validate(String sessionId) {
        if (sessionId == null || sessionId.isBlank() || sessionId.length() > 128) {
            return Optional.empty();
        }
        return validateByHash(Secrets.hash(sessionId));
    }

    /**
     * {@link #validate(String)} for a session known by the hash of its ID (from {@link #list}), for a
     * dialect that authenticated the account otherwise and keeps its sessions alive (SRS Basic ping).
     */
    public Optional<Session> validateByHash(String hash) {
        if (hash == null) {
            return Optional.empty();
        }
        Optional<Session> found = store.find(hash);
        if (found.isEmpty()) {
            return found;
        }
        Session session = found.get();
        Instant now = clock.instant();
        if (session.isExpiredAt(now)) {
            store.remove(hash).ifPresent(s -> auditEnd(s, EndReason.EXPIRED, RequestContext.system(null)));
            return Optional.empty();
        }
        if (Duration.between(session.lastSeenAt(), now).compareTo(session.touchInterval()) >= 0) {
            store.touch(hash, now);
            session = session.touchedAt(now);
        }
        return Optional.of(session);
    }

    /** Ends the session with this ID; empty when there was no live one. */
    public Optional<Session> end(String sessionId, EndReason reason, RequestContext context) {
        if (sessionId == null || sessionId.isBlank() || sessionId.length() > 128) {
            return Optional.empty();
        }
        return endByHash(Secrets.hash(sessionId), reason, context);
    }

    public Optional<Session> endByHash(String idHash, EndReason reason, RequestContext context) {
        Optional<Session> removed = store.remove(idHash);
        Instant now = clock.instant();
        removed.ifPresent(s -> auditEnd(s, s.isExpiredAt(now) ? EndReason.EXPIRED : reason, context));
        return removed.filter(s -> !s.isExpiredAt(now));
    }

    /** Live sessions of one account, optionally of one channel: read from the account's index, never the tenant's. */
    public List<Session> listOf(String accountId, String channel) {
        return liveByAge(store.findByAccount(accountId), channel, null);
    }

    public boolean endByRef(String tenant, String ref, EndReason reason, RequestContext context) {
        return store.findByTenant(tenant).stream().filter(s -> s.ref().equals(ref)).findFirst()
                .flatMap(s -> endByHash(s.idHash(), reason, context)).isPresent();
    }

    /** Ends every session of the account; returns how many were live. */
    public int endAllOf(String accountId, EndReason reason, RequestContext context) {
        int ended = 0;
        for (Session session : store.findByAccount(accountId)) {
            if (endByHash(session.idHash(), reason, context).isPresent()) {
                ended++;
            }
        }
        return ended;
    }

    /** Live sessions of a tenant, optionally of one user name and/or channel. */
    public List<Session> list(String tenant, String username, String channel) {
        return liveByAge(store.findByTenant(tenant), channel, username);
    }

    private List<Session> liveByAge(List<Session> sessions, String channel, String username) {
        Instant now = clock.instant();
        return sessions.stream()
                .filter(s -> !s.isExpiredAt(now))
                .filter(s -> username == null || s.username().equalsIgnoreCase(username))
                .filter(s -> channel == null || s.channel().equalsIgnoreCase(channel))
                .sorted(java.util.Comparator.comparing(Session::createdAt))
                .toList();
    }

    /**
     * Replaces the session's dialect attributes.
     *
     * @throws PlaceTaken when they name a place another account's live session holds
     */
    public Session setAttributes(Session session, Map<String, String> attributes) {
        if (!store.updateAttributes(session.idHash(), attributes, clock.instant())) {
            throw new PlaceTaken(attributes.get(Session.PLACE));
        }
        return session.withAttributes(attributes);
    }

    /** Removes lapsed sessions; run by a background sweeper. */
    public int sweep() {
        List<Session> removed = store.removeExpired(clock.instant());
        removed.forEach(s -> auditEnd(s, EndReason.EXPIRED, RequestContext.system(null)));
        return removed.size();
    }

    /** Sessions held, from the store's counters: a lapsed session counts until the sweeper ends it. */
    public int liveCount() {
        return Math.toIntExact(store.count());
    }

    public boolean isHealthy() {
        return store.isHealthy();
    }

    static Duration idleTimeoutFor(Account account, TenantSettings settings, SessionRequest request) {
        if (request.idleOverride() != null) {
            return request.idleOverride();
        }
        if (account.idleTimeoutSeconds() != null) {
            return Duration.ofSeconds(account.idleTimeoutSeconds());
        }
        return account.type() == AccountType.AGENT ? settings.agentIdleTimeout() : settings.idleTimeout();
    }

    private void auditEnd(Session session, EndReason reason, RequestContext context) {
        audit.record(reason.auditType(), session.tenant(), session.username(),
                new RequestContext(session.channel(), context.clientIp(), context.userAgent(), context.actor()),
                reason.name().toLowerCase(java.util.Locale.ROOT));
    }
}
