package dev.frontdesk.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.frontdesk.core.support.StoreUnavailable;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantSettings;
import dev.frontdesk.server.testing.BackingServices;
import dev.frontdesk.server.testing.TcpProxy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relational adapter says "PostgreSQL is unavailable" itself ({@link StoreUnavailable}, not a driver
 * exception the core would have to recognise), both when the database refuses connections and when it
 * goes silent (bytes held, no reset), and then within a bounded wait instead of the whole outage.
 */
class JdbcFailuresTest {
    /** Generous against {@link Database#WAIT_BOUND} on a busy machine; a silent database without bounds hangs for good. */
    private static final Duration HANG = Database.WAIT_BOUND.multipliedBy(2);

    private TcpProxy proxy;
    private Database database;
    private JdbcTenantStore tenants;

    @BeforeEach
    void connect() throws Exception {
        BackingServices.requirePostgres();
        String url = BackingServices.freshPostgresDatabase();
        proxy = new TcpProxy(5432);
        database = Database.connect(url.replace(":5432/", ":" + proxy.port() + "/"), BackingServices.POSTGRES_USER, "");
        tenants = new JdbcTenantStore(database.jdbi(), dev.frontdesk.server.store.secrets.SecretKeyFile.sealer(null,
                java.nio.file.Files.createTempDirectory("frontdesk-key").resolve("frontdesk.key")));
        tenants.save(new Tenant("acme", List.of(), TenantSettings.defaults()));
    }

    @AfterEach
    void close() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void readWhenConnectionsRefusedThenStoreUnavailableNamingPostgres() throws Exception {
        proxy.cut();

        assertThatThrownBy(() -> tenants.find("acme"))
                .isInstanceOf(StoreUnavailable.class)
                .hasMessage("PostgreSQL is unavailable");
        assertThat(database.isHealthy()).isFalse();
    }

    @Test
    void groupCommitWhenConnectionsRefusedThenStoreUnavailable() throws Exception {
        proxy.cut();

        assertThatThrownBy(() -> database.groupCommit().run(h -> h.execute("SELECT 1")))
                .isInstanceOf(StoreUnavailable.class);
    }

    @Test
    void readWhenDatabaseSilentThenStoreUnavailableWithinTheBound() {
        proxy.freeze();

        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> tenants.find("acme"))
                .isInstanceOf(StoreUnavailable.class));
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> tenants.save(
                new Tenant("other", List.of(), TenantSettings.defaults()))).isInstanceOf(StoreUnavailable.class));
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> database.groupCommit().run(h -> h.execute("SELECT 1")))
                .isInstanceOf(StoreUnavailable.class));
    }

    @Test
    void readWhenDatabaseReturnsThenAnswersWithoutRestart() throws Exception {
        proxy.freeze();
        assertThatThrownBy(() -> tenants.find("acme")).isInstanceOf(StoreUnavailable.class);

        proxy.thaw();

        assertThat(tenants.find("acme")).isPresent();
    }

    @Test
    void constraintViolationWhenDatabaseUpThenNotMistakenForAnOutage() {
        assertThatThrownBy(() -> database.jdbi().useHandle(h -> h.execute("SELECT no_such_column FROM tenants")))
                .isNotInstanceOf(StoreUnavailable.class);
    }
}
