package dev.frontdesk.core.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions held in a {@link CappedIndex} on this node, optionally written through to durable storage
 * by a {@link Journal} (the embedded and single-node PostgreSQL modes). Validation never leaves memory.
 */
public final class IndexedSessionStore implements SessionStore {
    private final CappedIndex<Session> index = new CappedIndex<>();
    private final Journal journal;

    /** Durable storage behind the index; every hook runs before the change is visible in memory. */
    public interface Journal extends CappedIndex.Journal<Session> {
        void touched(String idHash, Instant lastSeenAt);

        void attributesChanged(String idHash, Map<String, String> attributes);

        boolean isHealthy();
    }

    /** @param restored sessions read back from the journal's storage at start-up */
    public IndexedSessionStore(Journal journal, Collection<Session> restored) {
        this.journal = journal;
        restored.forEach(index::restore);
    }

    /** Sessions in memory only: for tests and throw-away servers. */
    public static IndexedSessionStore inMemory() {
        return new IndexedSessionStore(new Journal() {
            @Override
            public void removed(Session item) {
            }

            @Override
            public void added(Session item) {
            }

            @Override
            public void touched(String idHash, Instant lastSeenAt) {
            }

            @Override
            public void attributesChanged(String idHash, Map<String, String> attributes) {
            }

            @Override
            public boolean isHealthy() {
                return true;
            }
        }, List.of());
    }

    @Override
    public Admission<Session> admit(Session session, int cap, boolean force, Instant now) {
        return index.admit(session, cap, force, now, journal);
    }

    @Override
    public Optional<Session> find(String idHash) {
        return index.find(idHash);
    }

    @Override
    public void touch(String idHash, Instant lastSeenAt) {
        if (index.find(idHash).isPresent()) {
            journal.touched(idHash, lastSeenAt);
            index.update(idHash, s -> s.touchedAt(lastSeenAt));
        }
    }

    @Override
    public void updateAttributes(String idHash, Map<String, String> attributes) {
        if (index.find(idHash).isPresent()) {
            journal.attributesChanged(idHash, attributes);
            index.update(idHash, s -> s.withAttributes(attributes));
        }
    }

    @Override
    public Optional<Session> remove(String idHash) {
        return index.remove(idHash, journal);
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
        return index.removeExpired(now, journal);
    }

    @Override
    public boolean isHealthy() {
        return journal.isHealthy();
    }
}
