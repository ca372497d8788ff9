package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.login.AccountTotpStore;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Accounts' TOTP keys and login challenges in {@code account_totp} and {@code mfa_challenges}. */
public final class JdbcAccountTotpStore implements AccountTotpStore {
    private final Jdbi jdbi;

    public JdbcAccountTotpStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<AccountTotp> find(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM account_totp WHERE account_id = :id")
                .bind("id", accountId).map((rs, ctx) -> new AccountTotp(rs.getString("account_id"),
                        rs.getString("secret"), rs.getString("pending"), rs.getLong("last_step"))).findOne());
    }

    @Override
    public void savePending(String accountId, String secret) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE account_totp SET pending = :secret WHERE account_id = :id")
                    .bind("id", accountId).bind("secret", secret).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO account_totp (account_id, pending, last_step) VALUES (:id, :secret, 0)")
                        .bind("id", accountId).bind("secret", secret).execute();
            }
        });
    }

    @Override
    public boolean confirm(String accountId) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE account_totp SET secret = pending, pending = NULL WHERE account_id = :id AND pending IS NOT NULL")
                .bind("id", accountId).execute()) > 0;
    }

    @Override
    public boolean advanceStep(String accountId, long step) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE account_totp SET last_step = :step WHERE account_id = :id AND last_step < :step")
                .bind("id", accountId).bind("step", step).execute()) > 0;
    }

    @Override
    public void saveChallenge(String tokenHash, String accountId, Instant expiresAt, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM mfa_challenges WHERE expires_at < :now").bind("now", now.toEpochMilli()).execute();
            h.createUpdate("INSERT INTO mfa_challenges (token_hash, account_id, expires_at) VALUES (:hash, :id, :exp)")
                    .bind("hash", tokenHash).bind("id", accountId).bind("exp", expiresAt.toEpochMilli()).execute();
        });
    }

    @Override
    public Optional<String> findChallenge(String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT account_id FROM mfa_challenges WHERE token_hash = :hash AND expires_at > :now")
                .bind("hash", tokenHash).bind("now", now.toEpochMilli()).mapTo(String.class).findOne());
    }

    @Override
    public void deleteChallenge(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM mfa_challenges WHERE token_hash = :hash")
                .bind("hash", tokenHash).execute());
    }
}
