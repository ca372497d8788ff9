package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.client.ClientApp;
import dev.frontdesk.core.client.ClientStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Client applications in the relational store. */
public final class JdbcClientStore implements ClientStore {
    private final Jdbi jdbi;

    public JdbcClientStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<ClientApp> find(String tenant, String clientId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM clients WHERE tenant = :tenant AND client_id = :id")
                .bind("tenant", tenant).bind("id", clientId).map((rs, ctx) -> read(rs)).findOne());
    }

    @Override
    public List<ClientApp> findAll(String tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM clients WHERE tenant = :tenant ORDER BY client_id")
                .bind("tenant", tenant).map((rs, ctx) -> read(rs)).list());
    }

    @Override
    public void insert(ClientApp client) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO clients (tenant, client_id, name, secret_hash, created_at)
                            VALUES (:tenant, :id, :name, :hash, :createdAt)""")
                    .bind("tenant", client.tenant()).bind("id", client.clientId()).bind("name", client.name())
                    .bind("hash", client.secretHash()).bind("createdAt", client.createdAt().toEpochMilli())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (find(client.tenant(), client.clientId()).isPresent()) {
                throw new DuplicateClient(client.clientId());
            }
            throw e;
        }
    }

    @Override
    public boolean delete(String tenant, String clientId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM clients WHERE tenant = :tenant AND client_id = :id")
                .bind("tenant", tenant).bind("id", clientId).execute()) > 0;
    }

    private static ClientApp read(ResultSet rs) throws SQLException {
        return new ClientApp(rs.getString("tenant"), rs.getString("client_id"), rs.getString("name"),
                rs.getString("secret_hash"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
