package dev.frontdesk.core.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: where sessions live. {@link #admit} is the one place the per-account cap is enforced, so it
 * must be atomic per account (a lock on one node, a script on a shared store).
 */
public interface SessionStore {
    /**
     * Adds {@code session} unless its account already holds {@code cap} live sessions; with
     * {@code force}, ends the oldest ones to make room instead. Lapsed sessions of the account are
     * dropped first and never count.
     */
    default Admission<Session> admit(Session session, int cap, boolean force, Instant now) {
        return admit(session, SessionLimits.perAccount(cap, force), now);
    }

    /**
     * {@link #admit(Session, int, boolean, Instant)} that also holds the tenant's customer licences and,
     * when asked, the session's place, in the same atomic step: no lock outside the store, no scan of the
     * tenant (stores keep a place index and counters with the sessions).
     */
    Admission<Session> admit(Session session, SessionLimits limits, Instant now);

    Optional<Session> find(String idHash);

    /** Records use; callers coalesce, so this is not called on every request. */
    void touch(String idHash, Instant lastSeenAt);

    /**
     * Replaces the session's attributes. When they name another place than the session holds, the
     * place is claimed as at admission: false (and nothing changed) when another account's live
     * session holds it.
     */
    boolean updateAttributes(String idHash, Map<String, String> attributes, Instant now);

    Optional<Session> remove(String idHash);

    List<Session> findByAccount(String accountId);

    List<Session> findByTenant(String tenant);

    /**
     * Sessions held, from counters kept with the sessions (no scan): lapsed ones count until a sweep or
     * an admission removes them.
     */
    long count();

    /** Removes and returns every session lapsed at {@code now}. */
    List<Session> removeExpired(Instant now);

    /** True when the store answers (readiness probe). */
    boolean isHealthy();
}
