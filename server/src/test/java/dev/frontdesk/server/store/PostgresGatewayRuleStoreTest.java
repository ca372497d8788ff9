package dev.frontdesk.server.store;

import dev.frontdesk.core.gateway.GatewayRuleStore;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.store.jdbc.JdbcGatewayRuleStore;
import dev.frontdesk.server.testing.BackingServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The gateway rule store contract on PostgreSQL (skipped with a note when it does not answer). */
class PostgresGatewayRuleStoreTest extends GatewayRuleStoreContract {
    static Database database;

    @BeforeAll
    static void open() {
        BackingServices.requirePostgres();
        database = Database.connect(BackingServices.freshPostgresDatabase(), BackingServices.POSTGRES_USER, "");
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected GatewayRuleStore store() {
        return new JdbcGatewayRuleStore(database.jdbi());
    }
}
