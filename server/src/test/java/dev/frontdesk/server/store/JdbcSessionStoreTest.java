package dev.frontdesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.session.SessionStore;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.store.jdbc.JdbcSessionStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract for the embedded store (memory written through to H2), plus what only it promises: reopening. */
class JdbcSessionStoreTest extends SessionStoreContract {
    @TempDir
    Path dir;
    Database database;
    SessionStore store;

    @BeforeEach
    void open() {
        database = Database.embedded(dir);
        store = JdbcSessionStore.open(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    protected SessionStore store() {
        return store;
    }

    @Test
    void reopenedStoreHasTheLiveSessionsAndNotTheRemovedOnes() {
        Session kept = session("reopen", 0);
        Session ended = session("reopen", 1);
        store.admit(kept, 5, false, NOW);
        store.admit(ended, 5, false, NOW);
        store.touch(kept.idHash(), NOW.plusSeconds(3));
        store.remove(ended.idHash());
        database.close();

        database = Database.embedded(dir);
        SessionStore reopened = JdbcSessionStore.open(database);
        assertThat(reopened.find(kept.idHash())).map(Session::lastSeenAt).contains(NOW.plusSeconds(3));
        assertThat(reopened.find(ended.idHash())).isEmpty();
    }
}
