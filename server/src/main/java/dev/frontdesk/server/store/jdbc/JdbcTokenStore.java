package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.client.AccessToken;
import dev.frontdesk.core.client.TokenStore;
import dev.frontdesk.core.session.Admission;
import dev.frontdesk.core.session.CappedIndex;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Durable access tokens for one node, kept like {@link JdbcSessionStore} keeps sessions. */
public final class JdbcTokenStore implements TokenStore {
    private final Jdbi jdbi;
    private final CappedIndex<AccessToken> index = new CappedIndex<>();
    private final CappedIndex.Journal<AccessToken> journal = new CappedIndex.Journal<>() {
        @Override
        public void removed(AccessToken token) {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM access_tokens WHERE id_hash = :id")
                    .bind("id", token.idHash()).execute());
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
    };

    public JdbcTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.withHandle(h -> h.createQuery("SELECT * FROM access_tokens").map((rs, ctx) -> read(rs)).list())
                .forEach(index::restore);
    }

    @Override
    public Admission<AccessToken> admit(AccessToken token, int cap, boolean force, Instant now) {
        return index.admit(token, cap, force, now, journal);
    }

    @Override
    public Optional<AccessToken> find(String idHash) {
        return index.find(idHash);
    }

    @Override
    public Optional<AccessToken> remove(String idHash) {
        return index.remove(idHash, journal);
    }

    @Override
    public List<AccessToken> findByClient(String tenant, String clientId) {
        return index.itemsOf(tenant + "/" + clientId);
    }

    @Override
    public List<AccessToken> removeExpired(Instant now) {
        return index.removeExpired(now, journal);
    }

    private static AccessToken read(ResultSet rs) throws SQLException {
        return new AccessToken(rs.getString("id_hash"), rs.getString("tenant"), rs.getString("client_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")));
    }
}
