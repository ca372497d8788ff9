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
    Admission<Session> admit(Session session, int cap, boolean force, Instant now);

    Optional<Session> find(String idHash);

    /** Records use; callers coalesce, so this is not called on every request. */
    void touch(String idHash, Instant lastSeenAt);

    void updateAttributes(String idHash, Map<String, String> attributes);

    Optional<Session> remove(String idHash);

    List<Session> findByAccount(String accountId);

    List<Session> findByTenant(String tenant);

    /** Removes and returns every session lapsed at {@code now}. */
    List<Session> removeExpired(Instant now);

    /** True when the store answers (readiness probe). */
    boolean isHealthy();
}
