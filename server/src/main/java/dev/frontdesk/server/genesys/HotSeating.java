package dev.frontdesk.server.genesys;

import dev.frontdesk.core.session.SessionEngine;
import dev.frontdesk.core.support.NamedLocks;
import java.util.function.Supplier;

/**
 * Hot seating: a place is held by the live SRS sessions of one agent at a time.
 *
 * <p>There is no table of claims: a place is held exactly while a live session of the tenant carries
 * it in its {@code place} attribute, so logout, expiry (a missed ping), eviction or an admin ending
 * the session frees it with nothing to clean up. Claim-and-open (or claim-and-update) runs under a
 * per-tenant {@link NamedLocks} lock (in Redis when several nodes share it), so two agents racing for
 * a place cannot both win, on one node or across nodes. Password hashing and upstream calls happen
 * before the lock is taken.
 */
final class HotSeating {
    static final String PLACE = "place";

    private final SessionEngine sessions;
    private final NamedLocks locks;

    HotSeating(SessionEngine sessions, NamedLocks locks) {
        this.sessions = sessions;
        this.locks = locks;
    }

    /** The place is held by another agent's live session (who that is stays unsaid). */
    static final class PlaceTaken extends RuntimeException {
        private final String place;

        PlaceTaken(String place) {
            super(null, null, false, false);
            this.place = place;
        }

        String place() {
            return place;
        }
    }

    /**
     * Runs {@code action} (which opens or updates the session) once {@code place} is known to be free
     * for {@code accountId}, or held only by that account or by {@code replacedIdHash} (the session the
     * request's cookie is about to give up); no place means no check.
     *
     * @throws PlaceTaken when another agent's live session holds the place
     */
    <T> T claim(String tenant, String place, String accountId, String replacedIdHash, Supplier<T> action) {
        if (place == null) {
            return action.get();
        }
        return locks.withLock("srs-places:" + tenant, () -> {
            boolean taken = sessions.list(tenant, null, SrsDialect.CHANNEL).stream()
                    .filter(s -> place.equals(s.attributes().get(PLACE)))
                    .filter(s -> !s.accountId().equals(accountId))
                    .anyMatch(s -> !s.idHash().equals(replacedIdHash));
            if (taken) {
                throw new PlaceTaken(place);
            }
            return action.get();
        });
    }
}
