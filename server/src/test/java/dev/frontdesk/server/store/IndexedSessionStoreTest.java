package dev.frontdesk.server.store;

import dev.frontdesk.core.session.IndexedSessionStore;
import dev.frontdesk.core.session.SessionStore;

/** The contract for sessions held in memory only. */
class IndexedSessionStoreTest extends SessionStoreContract {
    private final SessionStore store = IndexedSessionStore.inMemory();

    @Override
    protected SessionStore store() {
        return store;
    }
}
