package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.client.AccessToken;
import dev.frontdesk.core.client.IndexedTokenStore;
import dev.frontdesk.core.session.CappedIndex;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Durable access tokens for one node, kept like {@link JdbcSessionStore} keeps sessions, but written
 * through {@link GroupCommit}: a client-credentials grant is a one-row insert, and clients ask for
 * tokens far more often than people log in. The index calls the journal inside the client's lock;
 * the writes are only queued there (in lock order) and awaited in {@link #awaitWritten()}, after the lock.
 * If the commit fails the grant fails (503) and its token, never handed out, stays in memory until it
 * expires or the node restarts, counting against the client's cap.
 */
public final class JdbcTokenStore implements CappedIndex.Journal<AccessToken> {
    private final GroupCommit writes;
    private final ThreadLocal<CompletableFuture<Void>> pending = new ThreadLocal<>();

    private JdbcTokenStore(GroupCommit writes) {
        this.writes = writes;
    }

    /** Reads the stored tokens back before it returns. */
    public static IndexedTokenStore open(Database database) {
        return open(database, Runnable::run);
    }

    /** Serves at once; {@code loader} reads the stored tokens back meanwhile. */
    public static IndexedTokenStore open(Database database, Executor loader) {
        return new IndexedTokenStore(new JdbcTokenStore(database.groupCommit()),
                each -> Restore.tokens(database.jdbi(), each), loader);
    }

    @Override
    public void awaitWritten() {
        CompletableFuture<Void> written = pending.get();
        if (written != null) {
            pending.remove();
            GroupCommit.await(written);
        }
    }

    private void queue(Consumer<Handle> write) {
        CompletableFuture<Void> queued = writes.submit(write);
        CompletableFuture<Void> before = pending.get();
        pending.set(before == null ? queued : CompletableFuture.allOf(before, queued));
    }

    @Override
    public void added(AccessToken t) {
        queue(h -> h.createUpdate("""
                        INSERT INTO access_tokens (id_hash, tenant, client_id, created_at, expires_at)
                        VALUES (:id, :tenant, :clientId, :createdAt, :expiresAt)""")
                .bind("id", t.idHash()).bind("tenant", t.tenant()).bind("clientId", t.clientId())
                .bind("createdAt", t.createdAt().toEpochMilli()).bind("expiresAt", t.expiresAt().toEpochMilli())
                .execute());
    }

    @Override
    public void removed(AccessToken token) {
        queue(h -> h.createUpdate("DELETE FROM access_tokens WHERE created_at = :createdAt AND id_hash = :id")
                .bind("createdAt", token.createdAt().toEpochMilli()).bind("id", token.idHash()).execute());
    }
}
