package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.openid.OpenIdLink;
import dev.frontdesk.core.openid.OpenIdLinkStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** OpenID links (with the hash of each link's GUID) in the relational store. */
public final class JdbcOpenIdLinkStore implements OpenIdLinkStore {
    private final Jdbi jdbi;

    public JdbcOpenIdLinkStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<OpenIdLink> findBySubject(String tenant, String issuer, String subject) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM openid_links WHERE tenant = :tenant AND issuer = :issuer AND subject = :subject")
                .bind("tenant", tenant).bind("issuer", issuer).bind("subject", subject)
                .map((rs, ctx) -> read(rs)).findOne());
    }

    @Override
    public Optional<OpenIdLink> findByGuidHash(String tenant, String guidHash) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM openid_links WHERE tenant = :tenant AND guid_hash = :hash")
                .bind("tenant", tenant).bind("hash", guidHash).map((rs, ctx) -> read(rs)).findOne());
    }

    @Override
    public List<OpenIdLink> findByAccount(String tenant, String accountId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM openid_links WHERE tenant = :tenant AND account_id = :account ORDER BY linked_at")
                .bind("tenant", tenant).bind("account", accountId).map((rs, ctx) -> read(rs)).list());
    }

    @Override
    public void save(OpenIdLink link) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM openid_links WHERE tenant = :tenant AND issuer = :issuer AND subject = :subject")
                    .bind("tenant", link.tenant()).bind("issuer", link.issuer()).bind("subject", link.subject())
                    .execute();
            h.createUpdate("""
                            INSERT INTO openid_links (tenant, issuer, subject, provider, account_id, guid_hash, linked_at)
                            VALUES (:tenant, :issuer, :subject, :provider, :account, :hash, :linkedAt)""")
                    .bind("tenant", link.tenant()).bind("issuer", link.issuer()).bind("subject", link.subject())
                    .bind("provider", link.provider()).bind("account", link.accountId())
                    .bind("hash", link.guidHash()).bind("linkedAt", link.linkedAt().toEpochMilli())
                    .execute();
        });
    }

    private static OpenIdLink read(ResultSet rs) throws SQLException {
        return new OpenIdLink(rs.getString("tenant"), rs.getString("issuer"), rs.getString("subject"),
                rs.getString("provider"), rs.getString("account_id"), rs.getString("guid_hash"),
                Instant.ofEpochMilli(rs.getLong("linked_at")));
    }
}
