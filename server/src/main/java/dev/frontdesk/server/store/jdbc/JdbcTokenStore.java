package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.client.AccessToken;
import dev.frontdesk.core.client.IndexedTokenStore;
import dev.frontdesk.core.session.CappedIndex;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Durable access tokens for one node, kept like {@link JdbcSessionStore} keeps sessions. */
public final class JdbcTokenStore implements CappedIndex.Journal<AccessToken> {
    private final Jdbi jdbi;

    private JdbcTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public static IndexedTokenStore open(Jdbi jdbi) {
        return new IndexedTokenStore(new JdbcTokenStore(jdbi),
                jdbi.withHandle(h -> h.createQuery("SELECT * FROM access_tokens").map((rs, ctx) -> read(rs)).list()));
    }

    @Override
    public void added(AccessToken t) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO access_tokens (id_hash, tenant, client_id, created_at, expires_at)
                        VALUES (:id, :tenant, :clientId, :createdAt, :expiresAt)""")
                .bind("id", t.idHash()).bind("tenant", t.tenant()).bind("clientId", t.clientId())
                .bind("createdAt", t.createdAt().toEpochMilli()).bind("expiresAt", t.expiresAt().toEpochMilli())
                .execute());
    }

    @Override
    public void removed(AccessToken token) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM access_tokens WHERE id_hash = :id")
                .bind("id", token.idHash()).execute());
    }

    private static AccessToken read(ResultSet rs) throws SQLException {
        return new AccessToken(rs.getString("id_hash"), rs.getString("tenant"), rs.getString("client_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")));
    }
}
