package dev.frontdesk.core.client;

import dev.frontdesk.core.session.Admission;
import dev.frontdesk.core.session.CappedIndex;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tokens in memory only: for tests and throw-away servers. */
public final class InMemoryTokenStore implements TokenStore {
    private final CappedIndex<AccessToken> index = new CappedIndex<>();

    @Override
    public Admission<AccessToken> admit(AccessToken token, int cap, boolean force, Instant now) {
        return index.admit(token, cap, force, now, CappedIndex.Journal.none());
    }

    @Override
    public Optional<AccessToken> find(String idHash) {
        return index.find(idHash);
    }

    @Override
    public Optional<AccessToken> remove(String idHash) {
        return index.remove(idHash, CappedIndex.Journal.none());
    }

    @Override
    public List<AccessToken> findByClient(String tenant, String clientId) {
        return index.itemsOf(tenant + "/" + clientId);
    }

    @Override
    public List<AccessToken> removeExpired(Instant now) {
        return index.removeExpired(now, CappedIndex.Journal.none());
    }
}
