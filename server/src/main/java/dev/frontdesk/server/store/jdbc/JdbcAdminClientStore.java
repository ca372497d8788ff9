package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.admin.AdminClientStore;
import dev.frontdesk.core.admin.AdminGrant;
import dev.frontdesk.core.admin.AdminRole;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Administrator roles of service clients and their admin-scoped tokens, in {@code admin_clients} and {@code admin_tokens}. */
public final class JdbcAdminClientStore implements AdminClientStore {
    private final Jdbi jdbi;

    public JdbcAdminClientStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void saveGrant(AdminGrant grant) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM admin_clients WHERE client_id = :id").bind("id", grant.clientId()).execute();
            h.createUpdate("INSERT INTO admin_clients (client_id, role, tenants) VALUES (:id, :role, :tenants)")
                    .bind("id", grant.clientId()).bind("role", grant.role().wireName())
                    .bind("tenants", String.join(",", grant.tenants())).execute();
        });
    }

    @Override
    public Optional<AdminGrant> findGrant(String clientId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM admin_clients WHERE client_id = :id")
                .bind("id", clientId).map((rs, ctx) -> {
                    String tenants = rs.getString("tenants");
                    Set<String> set = tenants.isEmpty() ? Set.of()
                            : Arrays.stream(tenants.split(",")).collect(Collectors.toUnmodifiableSet());
                    return new AdminGrant(rs.getString("client_id"), AdminRole.fromWire(rs.getString("role")), set);
                }).findOne());
    }

    @Override
    public void deleteGrant(String clientId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM admin_clients WHERE client_id = :id").bind("id", clientId).execute();
            h.createUpdate("DELETE FROM admin_tokens WHERE client_id = :id").bind("id", clientId).execute();
        });
    }

    @Override
    public void markAdminToken(String tokenHash, String clientId, Instant expiresAt, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM admin_tokens WHERE expires_at < :now").bind("now", now.toEpochMilli()).execute();
            h.createUpdate("INSERT INTO admin_tokens (id_hash, client_id, expires_at) VALUES (:hash, :id, :expires)")
                    .bind("hash", tokenHash).bind("id", clientId).bind("expires", expiresAt.toEpochMilli()).execute();
        });
    }

    @Override
    public boolean isAdminToken(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM admin_tokens WHERE id_hash = :hash")
                .bind("hash", tokenHash).mapTo(Integer.class).one()) > 0;
    }
}
