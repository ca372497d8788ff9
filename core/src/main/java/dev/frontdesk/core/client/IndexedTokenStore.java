package dev.frontdesk.core.client;

import dev.frontdesk.core.session.Admission;
import dev.frontdesk.core.session.CappedIndex;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Access tokens held in a {@link CappedIndex} on this node, optionally written through by a journal. */
public final class IndexedTokenStore implements TokenStore {
    private final CappedIndex<AccessToken> index = new CappedIndex<>();
    private final CappedIndex.Journal<AccessToken> journal;

    /** @param restored tokens read back from the journal's storage at start-up */
    public IndexedTokenStore(CappedIndex.Journal<AccessToken> journal, Collection<AccessToken> restored) {
        this.journal = journal;
        restored.forEach(index::restore);
    }

    public static IndexedTokenStore inMemory() {
        return new IndexedTokenStore(CappedIndex.Journal.none(), List.of());
    }

    @Override
    public Admission<AccessToken> admit(AccessToken token, int cap, boolean force, Instant now) {
        Admission<AccessToken> admission = index.admit(token, cap, force, now, journal);
        journal.awaitWritten();
        return admission;
    }

    @Override
    public Optional<AccessToken> find(String idHash) {
        return index.find(idHash);
    }

    @Override
    public Optional<AccessToken> remove(String idHash) {
        Optional<AccessToken> removed = index.remove(idHash, journal);
        journal.awaitWritten();
        return removed;
    }

    @Override
    public List<AccessToken> findByClient(String tenant, String clientId) {
        return index.itemsOf(tenant + "/" + clientId);
    }

    @Override
    public List<AccessToken> removeExpired(Instant now) {
        List<AccessToken> removed = index.removeExpired(now, journal);
        journal.awaitWritten();
        return removed;
    }
}
