package dev.frontdesk.core.client;

import dev.frontdesk.core.session.Admission;
import dev.frontdesk.core.session.CappedIndex;
import dev.frontdesk.core.session.Restoration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Access tokens held in a {@link CappedIndex} on this node, optionally written through by a journal.
 * After a restart the stored tokens may load in the background: a token already loaded answers at
 * once; an unknown one, a grant (the client's cap counts every token) and a revocation wait until
 * the load ends (storage has no index by token for a read-through).
 */
public final class IndexedTokenStore implements TokenStore {
    private final CappedIndex<AccessToken> index = new CappedIndex<>();
    private final CappedIndex.Journal<AccessToken> journal;
    private final Restoration restoration;

    /** @param restored tokens read back from the journal's storage at start-up */
    public IndexedTokenStore(CappedIndex.Journal<AccessToken> journal, Collection<AccessToken> restored) {
        this.journal = journal;
        this.restoration = Restoration.done();
        restored.forEach(index::restore);
    }

    /** @param backlog hands every stored token to its argument; run by {@code loader} */
    public IndexedTokenStore(CappedIndex.Journal<AccessToken> journal, Consumer<Consumer<AccessToken>> backlog,
                             Executor loader) {
        this.journal = journal;
        this.restoration = Restoration.start(loader, r -> backlog.accept(token -> index.restoreIfAbsent(token, r)));
    }

    public static IndexedTokenStore inMemory() {
        return new IndexedTokenStore(CappedIndex.Journal.none(), List.of());
    }

    @Override
    public Admission<AccessToken> admit(AccessToken token, int cap, boolean force, Instant now) {
        restoration.await();
        Admission<AccessToken> admission = index.admit(token, cap, force, now, journal);
        journal.awaitWritten();
        return admission;
    }

    @Override
    public Optional<AccessToken> find(String idHash) {
        Optional<AccessToken> found = index.find(idHash);
        if (found.isPresent() || !restoration.inProgress()) {
            return found;
        }
        restoration.await();
        return index.find(idHash);
    }

    @Override
    public Optional<AccessToken> remove(String idHash) {
        find(idHash);
        Optional<AccessToken> removed = index.remove(idHash, journal);
        journal.awaitWritten();
        return removed;
    }

    @Override
    public List<AccessToken> findByClient(String tenant, String clientId) {
        restoration.await();
        return index.itemsOf(tenant + "/" + clientId);
    }

    @Override
    public List<AccessToken> removeExpired(Instant now) {
        restoration.await();
        List<AccessToken> removed = index.removeExpired(now, journal);
        journal.awaitWritten();
        return removed;
    }
}
