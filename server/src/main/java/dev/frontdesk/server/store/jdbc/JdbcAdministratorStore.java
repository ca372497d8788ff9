package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.admin.AdminRole;
import dev.frontdesk.core.admin.Administrator;
import dev.frontdesk.core.admin.AdministratorStore;
import dev.frontdesk.core.admin.Passkey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Administrators in tables {@code administrators} and {@code administrator_recovery_codes}. The TOTP
 * step and the recovery codes change by single conditional statements, so a code is accepted once
 * even when two nodes race with it.
 */
public final class JdbcAdministratorStore implements AdministratorStore {
    private static final String SELECT_ADMIN = "SELECT a.*, (SELECT COUNT(*) FROM admin_passkeys p"
            + " WHERE p.username = a.username) AS passkeys FROM administrators a";
    private final Jdbi jdbi;

    public JdbcAdministratorStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Administrator> find(String username) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_ADMIN + " WHERE a.username = :name")
                .bind("name", username).map((rs, ctx) -> read(rs)).findOne());
    }

    @Override
    public List<Administrator> findAll() {
        return jdbi.withHandle(h -> h.createQuery(SELECT_ADMIN + " ORDER BY a.username")
                .map((rs, ctx) -> read(rs)).list());
    }

    @Override
    public void insert(Administrator a) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO administrators (username, role, tenants, password_hash, created_at, totp_secret,
                                                        totp_pending, totp_last_step)
                            VALUES (:name, :role, :tenants, :hash, :createdAt, :totp, :pending, :step)""")
                    .bind("name", a.username()).bind("role", a.role().wireName()).bind("tenants", tenants(a))
                    .bind("hash", a.passwordHash()).bind("createdAt", a.createdAt().toEpochMilli())
                    .bind("totp", a.totpSecret()).bind("pending", a.totpPending()).bind("step", a.totpLastStep())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (find(a.username()).isPresent()) {
                throw new DuplicateAdministrator(a.username());
            }
            throw e;
        }
    }

    @Override
    public boolean update(Administrator a) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE administrators SET role = :role, tenants = :tenants, password_hash = :hash,
                               totp_secret = :totp, totp_pending = :pending
                        WHERE username = :name""")
                .bind("name", a.username()).bind("role", a.role().wireName()).bind("tenants", tenants(a))
                .bind("hash", a.passwordHash()).bind("totp", a.totpSecret()).bind("pending", a.totpPending())
                .execute()) > 0;
    }

    @Override
    public boolean delete(String username) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM administrator_recovery_codes WHERE username = :name").bind("name", username)
                    .execute();
            h.createUpdate("DELETE FROM admin_passkeys WHERE username = :name").bind("name", username).execute();
            return h.createUpdate("DELETE FROM administrators WHERE username = :name").bind("name", username)
                    .execute() > 0;
        });
    }

    @Override
    public boolean advanceTotpStep(String username, long step) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE administrators SET totp_last_step = :step WHERE username = :name AND totp_last_step < :step")
                .bind("name", username).bind("step", step).execute()) > 0;
    }

    @Override
    public void replaceRecoveryCodes(String username, List<String> codeHashes) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM administrator_recovery_codes WHERE username = :name").bind("name", username)
                    .execute();
            for (String hash : codeHashes) {
                h.createUpdate("INSERT INTO administrator_recovery_codes (username, code_hash) VALUES (:name, :hash)")
                        .bind("name", username).bind("hash", hash).execute();
            }
        });
    }

    @Override
    public boolean consumeRecoveryCode(String username, String codeHash) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM administrator_recovery_codes WHERE username = :name AND code_hash = :hash")
                .bind("name", username).bind("hash", codeHash).execute()) > 0;
    }

    @Override
    public int recoveryCodesLeft(String username) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM administrator_recovery_codes WHERE username = :name")
                .bind("name", username).mapTo(Integer.class).one());
    }

    @Override
    public void insertPasskey(Passkey p) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO admin_passkeys (credential_id, username, material, sign_count, created_at)
                        VALUES (:id, :name, :material, :count, :createdAt)""")
                .bind("id", p.credentialId()).bind("name", p.username()).bind("material", p.material())
                .bind("count", p.signCount()).bind("createdAt", p.createdAt().toEpochMilli()).execute());
    }

    @Override
    public Optional<Passkey> findPasskey(String credentialId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM admin_passkeys WHERE credential_id = :id")
                .bind("id", credentialId).map((rs, ctx) -> passkey(rs)).findOne());
    }

    @Override
    public List<Passkey> passkeysOf(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM admin_passkeys WHERE username = :name ORDER BY created_at")
                .bind("name", username).map((rs, ctx) -> passkey(rs)).list());
    }

    @Override
    public void updateSignCount(String credentialId, long signCount) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE admin_passkeys SET sign_count = :count WHERE credential_id = :id")
                .bind("id", credentialId).bind("count", signCount).execute());
    }

    @Override
    public void deletePasskeys(String username) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM admin_passkeys WHERE username = :name")
                .bind("name", username).execute());
    }

    private static Passkey passkey(ResultSet rs) throws SQLException {
        return new Passkey(rs.getString("credential_id"), rs.getString("username"), rs.getString("material"),
                rs.getLong("sign_count"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static String tenants(Administrator a) {
        return String.join(",", a.tenants());
    }

    private static Administrator read(ResultSet rs) throws SQLException {
        String tenants = rs.getString("tenants");
        Set<String> set = tenants.isEmpty() ? Set.of()
                : Arrays.stream(tenants.split(",")).collect(Collectors.toUnmodifiableSet());
        return new Administrator(rs.getString("username"), AdminRole.fromWire(rs.getString("role")), set,
                rs.getString("password_hash"), Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getString("totp_secret"), rs.getString("totp_pending"), rs.getLong("totp_last_step"),
                rs.getInt("passkeys"));
    }
}
