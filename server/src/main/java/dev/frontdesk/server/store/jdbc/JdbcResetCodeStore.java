package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.reset.ResetCode;
import dev.frontdesk.core.reset.ResetCodeStore;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Password-reset code hashes in the relational store. */
public final class JdbcResetCodeStore implements ResetCodeStore {
    private final Jdbi jdbi;

    public JdbcResetCodeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void replaceCodesOf(ResetCode code) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM password_reset_codes WHERE account_id = :account")
                    .bind("account", code.accountId()).execute();
            h.createUpdate("""
                            INSERT INTO password_reset_codes (code_hash, tenant, account_id, created_at, expires_at)
                            VALUES (:hash, :tenant, :account, :createdAt, :expiresAt)""")
                    .bind("hash", code.codeHash()).bind("tenant", code.tenant()).bind("account", code.accountId())
                    .bind("createdAt", code.createdAt().toEpochMilli())
                    .bind("expiresAt", code.expiresAt().toEpochMilli())
                    .execute();
        });
    }

    @Override
    public Optional<ResetCode> take(String codeHash) {
        return jdbi.inTransaction(h -> {
            Optional<ResetCode> found = h.createQuery("SELECT * FROM password_reset_codes WHERE code_hash = :hash")
                    .bind("hash", codeHash)
                    .map((rs, ctx) -> new ResetCode(rs.getString("code_hash"), rs.getString("tenant"),
                            rs.getString("account_id"), Instant.ofEpochMilli(rs.getLong("created_at")),
                            Instant.ofEpochMilli(rs.getLong("expires_at"))))
                    .findOne();
            if (found.isEmpty()) {
                return found;
            }
            // Only the request whose DELETE removed the row may use the code, however many race for it.
            int deleted = h.createUpdate("DELETE FROM password_reset_codes WHERE code_hash = :hash")
                    .bind("hash", codeHash).execute();
            return deleted == 1 ? found : Optional.empty();
        });
    }

    @Override
    public int removeExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM password_reset_codes WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli()).execute());
    }
}
