package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantSettings;
import dev.frontdesk.core.tenant.TenantStore;
import dev.frontdesk.server.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Tenants in the relational store; settings as JSON. */
public final class JdbcTenantStore implements TenantStore {
    private final Jdbi jdbi;

    public JdbcTenantStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Tenant> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM tenants WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> read(rs)).findOne());
    }

    @Override
    public List<Tenant> findAll() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM tenants ORDER BY id").map((rs, ctx) -> read(rs)).list());
    }

    @Override
    public void save(Tenant tenant) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM tenants WHERE id = :id").bind("id", tenant.id()).execute();
            h.createUpdate("INSERT INTO tenants (id, hosts, settings) VALUES (:id, :hosts, :settings)")
                    .bind("id", tenant.id())
                    .bind("hosts", Json.write(tenant.hosts()))
                    .bind("settings", Json.write(tenant.settings()))
                    .execute();
        });
    }

    private static Tenant read(ResultSet rs) throws SQLException {
        return new Tenant(rs.getString("id"), Json.readStrings(rs.getString("hosts")),
                Json.MAPPER.readValue(rs.getString("settings"), TenantSettings.class));
    }
}
