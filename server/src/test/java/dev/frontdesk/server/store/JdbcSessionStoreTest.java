package dev.frontdesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.client.AccessToken;
import dev.frontdesk.core.client.IndexedTokenStore;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.session.SessionStore;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.store.jdbc.JdbcSessionStore;
import dev.frontdesk.server.store.jdbc.JdbcTokenStore;
import java.nio.file.Path;
import java.util.Map;
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

    @Test
    void reopenedStoresWhenRestoredThenEverySessionAndTokenFieldIsBack() {
        Session plain = session("restore", 0);
        Session withPlace = session("restore", 1);
        store.admit(plain, 5, false, NOW);
        store.admit(withPlace, 5, false, NOW);
        store.updateAttributes(plain.idHash(), Map.of(), NOW);
        IndexedTokenStore tokens = JdbcTokenStore.open(database);
        AccessToken token = new AccessToken("f".repeat(64), "contract", "client-a", NOW, NOW.plusSeconds(3600));
        tokens.admit(token, 10, false, NOW);
        database.close();

        database = Database.embedded(dir);
        SessionStore reopened = JdbcSessionStore.open(database);
        assertThat(reopened.find(plain.idHash())).contains(plain.withAttributes(Map.of()));
        assertThat(reopened.find(withPlace.idHash())).contains(withPlace);
        assertThat(JdbcTokenStore.open(database).find(token.idHash())).contains(token);
    }
}
