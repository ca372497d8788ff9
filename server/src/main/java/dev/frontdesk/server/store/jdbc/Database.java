package dev.frontdesk.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The relational store: an H2 file database in the data directory by default, or PostgreSQL when a
 * JDBC URL is configured. One schema, migrated by Flyway at start-up, serves both.
 *
 * <p>Every wait on PostgreSQL is bounded, so a database that stops answering costs a request a 503
 * within {@link #WAIT_BOUND}, never the length of the outage: the pool hands out a connection within
 * {@link #POOL_WAIT} or gives up; a new connection must log in within it too; and a read on an open
 * connection waits at most {@link #SOCKET_TIMEOUT} (a host that holds the bytes without a reset would
 * otherwise hang the caller until TCP gives up, minutes later). TCP keep-alive and the pool's own
 * keep-alive query retire connections that died while idle. A URL's own {@code socketTimeout=} (or
 * other driver parameter) wins over these defaults. Failures become {@code StoreUnavailable} in
 * {@link JdbcFailures}.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final GroupCommit groupCommit;
    private volatile OperationsEndpoint endpoint;

    /** The newest migration under {@code db/migration}; {@code DatabaseTest} checks the two agree. */
    static final String SCHEMA_VERSION = "43";

    static {
        // the operations endpoint (H2's TCP server) listens on loopback only; H2 reads this once, when it loads
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** How long the pool may take to hand out a connection (and a new one to log in). */
    static final Duration POOL_WAIT = Duration.ofSeconds(3);
    /** How long a statement may wait for PostgreSQL's next bytes. */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(4);
    /** The longest a request waits on the database before it fails with 503 (README: Failure semantics). */
    public static final Duration WAIT_BOUND = Duration.ofSeconds(5);

    private final String name;

    private Database(HikariDataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
        if (!schemaIsCurrent(dataSource)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        this.jdbi = JdbcFailures.translating(dataSource, name);
        this.groupCommit = new GroupCommit(jdbi);
    }

    /**
     * An H2 file database under {@code dataDir} (created when missing). {@code WRITE_DELAY=0} hands every
     * commit to the operating system at once (H2 would otherwise wait up to 500 ms), so a session
     * acknowledged to a client survives a {@code kill -9} of the server. The process that holds the file
     * also opens an {@link OperationsEndpoint}, through which the operations commands reach it.
     */
    public static Database embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve(EMBEDDED_NAME).toString();
        Database database = connect("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;PAGE_SIZE=65536", "sa", "");
        database.endpoint = OperationsEndpoint.open(dataDir, "file:" + file);
        return database;
    }

    /**
     * The embedded database in {@code dataDir} for an operations command: through the endpoint of the
     * server that has it open, else opened here (which locks the file until {@link #close()}).
     */
    public static Database embeddedOrRunning(Path dataDir) {
        Optional<String> running = OperationsEndpoint.find(dataDir);
        if (running.isPresent()) {
            try {
                return connect(running.get(), "sa", "");
            } catch (RuntimeException e) {
                // a stale endpoint file whose port another program reuses: open the file here
            }
        }
        return embedded(dataDir);
    }

    /** The embedded database's name: its file in the data directory is {@code frontdesk.mv.db}. */
    public static final String EMBEDDED_NAME = "frontdesk";

    /** True when this is the embedded H2 store, which has an online backup ({@code BACKUP TO}). */
    public boolean isEmbedded() {
        return dataSource.getJdbcUrl().startsWith("jdbc:h2:");
    }

    public static Database connect(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("frontdesk");
        config.setMaximumPoolSize(url.startsWith("jdbc:h2:") ? 8 : 16);
        config.setConnectionTimeout(POOL_WAIT.toMillis());
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(10_000);
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (postgres) {
            config.setKeepaliveTime(Duration.ofSeconds(30).toMillis());
            config.addDataSourceProperty("connectTimeout", String.valueOf(POOL_WAIT.toSeconds()));
            config.addDataSourceProperty("loginTimeout", String.valueOf(POOL_WAIT.toSeconds()));
            config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toSeconds()));
            config.addDataSourceProperty("cancelSignalTimeout", "1");
            config.addDataSourceProperty("tcpKeepAlive", "true");
        }
        return new Database(new HikariDataSource(config), postgres ? "PostgreSQL" : "database");
    }

    /**
     * True when the newest migration is already applied. Flyway's start-up (scanning the classpath,
     * validating every applied migration) was a fifth of the server's start-up; a database that is
     * current needs none of it. Migrations are never edited once released, so skipping validation then
     * loses nothing.
     */
    private static boolean schemaIsCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            try (ResultSet history = connection.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
                if (!history.next()) {
                    return false; // a new database (asked first: a failing query would land in H2's trace file)
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet newest = statement.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                         + " WHERE \"success\" ORDER BY \"installed_rank\" DESC")) {
                return newest.next() && SCHEMA_VERSION.equals(newest.getString(1));
            }
        } catch (SQLException e) {
            return false; // let Flyway look, and report what is wrong
        }
    }

    /** "PostgreSQL" or "database" (embedded H2): the name a {@code StoreUnavailable} carries. */
    public String name() {
        return name;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Shared transactions for small, frequent writes (audit events, access tokens). */
    public GroupCommit groupCommit() {
        return groupCommit;
    }

    /** True when a trivial query answers. */
    public boolean isHealthy() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        groupCommit.close();
        if (endpoint != null) {
            endpoint.close();
        }
        dataSource.close();
    }
}
