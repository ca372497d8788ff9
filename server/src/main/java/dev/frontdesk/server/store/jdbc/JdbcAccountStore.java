package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.account.Identifiers;
import java.util.Map;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountQuery;
import dev.frontdesk.core.account.AccountStore;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.server.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Accounts in the relational store; user names and e-mail addresses are matched through lower-cased keys. */
public final class JdbcAccountStore implements AccountStore {
    private final Jdbi jdbi;

    public JdbcAccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Account> find(String tenant, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM accounts WHERE tenant = :tenant AND id = :id")
                .bind("tenant", tenant).bind("id", id).map((rs, ctx) -> read(rs)).findOne());
    }

    @Override
    public Optional<Account> findByUsername(String tenant, String username) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM accounts WHERE tenant = :tenant AND username_key = :key")
                .bind("tenant", tenant).bind("key", key(username)).map((rs, ctx) -> read(rs)).findOne());
    }

    @Override
    public Optional<Account> findByLogin(String tenant, String login) {
        Optional<Account> byName = findByUsername(tenant, login);
        if (byName.isPresent()) {
            return byName;
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM accounts WHERE tenant = :tenant AND email_key = :key ORDER BY created_at")
                .bind("tenant", tenant).bind("key", key(login)).map((rs, ctx) -> read(rs)).findFirst());
    }

    @Override
    public List<Account> search(String tenant, AccountQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM accounts WHERE tenant = :tenant");
        if (query.username() != null) {
            sql.append(" AND username_key = :key");
        }
        if (query.type() != null) {
            sql.append(" AND account_type = :type");
        }
        sql.append(" ORDER BY username_key LIMIT ").append(query.limit());
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString()).bind("tenant", tenant);
            if (query.username() != null) {
                q.bind("key", key(query.username()));
            }
            if (query.type() != null) {
                q.bind("type", query.type().wireName());
            }
            return q.map((rs, ctx) -> read(rs)).list();
        });
    }

    private static final String INSERT = """
            INSERT INTO accounts (id, tenant, username, username_key, account_type, email, email_key,
                first_name, last_name, idle_timeout_seconds, access_rights, segments, enabled,
                password_hash, properties, created_at, username_skeleton)
            VALUES (:id, :tenant, :username, :usernameKey, :type, :email, :emailKey, :firstName,
                :lastName, :idle, :accessRights, :segments, :enabled, :passwordHash, :properties, :createdAt,
                :skeleton)
            """;
    private static final String UPDATE = """
            UPDATE accounts SET username = :username, username_key = :usernameKey, username_skeleton = :skeleton,
                account_type = :type,
                email = :email, email_key = :emailKey, first_name = :firstName, last_name = :lastName,
                idle_timeout_seconds = :idle, access_rights = :accessRights, segments = :segments,
                enabled = :enabled, password_hash = :passwordHash, properties = :properties
            WHERE tenant = :tenant AND id = :id
            """;

    @Override
    public boolean skeletonTaken(String tenant, String skeleton) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT 1 FROM accounts WHERE tenant = :tenant AND username_skeleton = :skeleton")
                .bind("tenant", tenant).bind("skeleton", skeleton).mapTo(Integer.class).findFirst().isPresent());
    }

    /**
     * Gives accounts created before V20 their skeleton, in batches; returns how many. Run at start, so
     * a new look-alike of an old name is refused too.
     */
    public int backfillSkeletons() {
        int total = 0;
        while (true) {
            List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery(
                    "SELECT id, username FROM accounts WHERE username_skeleton IS NULL FETCH FIRST 500 ROWS ONLY")
                    .mapToMap().list());
            if (rows.isEmpty()) {
                return total;
            }
            jdbi.useTransaction(h -> {
                var batch = h.prepareBatch("UPDATE accounts SET username_skeleton = :skeleton WHERE id = :id");
                for (Map<String, Object> row : rows) {
                    batch.bind("skeleton", Identifiers.skeleton(String.valueOf(row.get("username"))))
                            .bind("id", String.valueOf(row.get("id"))).add();
                }
                batch.execute();
            });
            total += rows.size();
        }
    }

    @Override
    public void insert(Account account) {
        try {
            jdbi.useHandle(h -> bindAll(h.createUpdate(INSERT), account).execute());
        } catch (UnableToExecuteStatementException e) {
            if (findByUsername(account.tenant(), account.username()).isPresent()) {
                throw new DuplicateUsername(account.username());
            }
            throw e;
        }
    }

    @Override
    public void update(Account account) {
        jdbi.useHandle(h -> bindAll(h.createUpdate(UPDATE), account).execute());
    }

    @Override
    public boolean delete(String tenant, String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM accounts WHERE tenant = :tenant AND id = :id")
                .bind("tenant", tenant).bind("id", id).execute()) > 0;
    }

    /** Inserts many accounts in one JDBC batch on the caller's handle (and transaction): bulk imports. */
    public static void insertAll(Handle handle, Collection<Account> accounts) {
        batch(handle, INSERT, accounts);
    }

    /** Updates many accounts (by tenant and id) in one JDBC batch on the caller's handle. */
    public static void updateAll(Handle handle, Collection<Account> accounts) {
        batch(handle, UPDATE, accounts);
    }

    private static void batch(Handle handle, String sql, Collection<Account> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(sql);
        for (Account account : accounts) {
            bindAll(batch, account).add();
        }
        batch.execute();
    }

    private static <S extends SqlStatement<S>> S bindAll(S statement, Account a) {
        return statement.bind("id", a.id())
                .bind("tenant", a.tenant())
                .bind("username", a.username())
                .bind("usernameKey", key(a.username()))
                .bind("skeleton", Identifiers.skeleton(a.username()))
                .bind("type", a.type().wireName())
                .bind("email", a.email())
                .bind("emailKey", a.email() == null ? null : key(a.email()))
                .bind("firstName", a.firstName())
                .bind("lastName", a.lastName())
                .bind("idle", a.idleTimeoutSeconds())
                .bind("accessRights", Json.write(a.accessRights()))
                .bind("segments", Json.write(a.segments()))
                .bind("enabled", a.enabled())
                .bind("passwordHash", a.passwordHash())
                .bind("properties", Json.write(a.properties()))
                .bind("createdAt", a.createdAt().toEpochMilli());
    }

    /** An account from a row of {@code accounts}. */
    public static Account read(ResultSet rs) throws SQLException {
        long idle = rs.getLong("idle_timeout_seconds");
        Long idleTimeout = rs.wasNull() ? null : idle;
        return new Account(rs.getString("id"), rs.getString("tenant"), rs.getString("username"),
                AccountType.fromWire(rs.getString("account_type")), rs.getString("email"),
                rs.getString("first_name"), rs.getString("last_name"), idleTimeout,
                Json.readStrings(rs.getString("access_rights")), Json.readStrings(rs.getString("segments")),
                rs.getBoolean("enabled"), rs.getString("password_hash"),
                Json.readStringMap(rs.getString("properties")), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    /** The lower-cased key by which user names (and e-mail addresses) are unique and found. */
    public static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
