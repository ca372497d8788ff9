package dev.frontdesk.core.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions in memory only: for tests and for a throw-away server. */
public final class InMemorySessionStore implements SessionStore {
    private final CappedIndex<Session> index = new CappedIndex<>();

    @Override
    public Admission<Session> admit(Session session, int cap, boolean force, Instant now) {
        return index.admit(session, cap, force, now, CappedIndex.Journal.none());
    }

    @Override
    public Optional<Session> find(String idHash) {
        return index.find(idHash);
    }

    @Override
    public void touch(String idHash, Instant lastSeenAt) {
        index.update(idHash, s -> s.touchedAt(lastSeenAt));
    }

    @Override
    public void updateAttributes(String idHash, Map<String, String> attributes) {
        index.update(idHash, s -> s.withAttributes(attributes));
    }

    @Override
    public Optional<Session> remove(String idHash) {
        return index.remove(idHash, CappedIndex.Journal.none());
    }

    @Override
    public List<Session> findByAccount(String accountId) {
        return index.itemsOf(accountId);
    }

    @Override
    public List<Session> findByTenant(String tenant) {
        return index.all().stream().filter(s -> s.tenant().equals(tenant)).toList();
    }

    @Override
    public List<Session> removeExpired(Instant now) {
        return index.removeExpired(now, CappedIndex.Journal.none());
    }

    @Override
    public boolean isHealthy() {
        return true;
    }
}
