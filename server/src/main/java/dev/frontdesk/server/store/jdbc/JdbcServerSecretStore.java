package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.admin.ServerSecretStore;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The server's own hashed secrets in table {@code server_secrets}. */
public final class JdbcServerSecretStore implements ServerSecretStore {
    private final Jdbi jdbi;

    public JdbcServerSecretStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<String> findHash(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT secret_hash FROM server_secrets WHERE name = :name")
                .bind("name", name).mapTo(String.class).findOne());
    }

    @Override
    public void insertHash(String name, String hash) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO server_secrets (name, secret_hash) VALUES (:name, :hash)")
                .bind("name", name).bind("hash", hash).execute());
    }
}
