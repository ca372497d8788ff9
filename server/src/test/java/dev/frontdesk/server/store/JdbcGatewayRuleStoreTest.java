package dev.frontdesk.server.store;

import dev.frontdesk.core.gateway.GatewayRuleStore;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.store.jdbc.JdbcGatewayRuleStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The gateway rule store contract on the embedded H2 database. */
class JdbcGatewayRuleStoreTest extends GatewayRuleStoreContract {
    @TempDir
    Path dir;
    Database database;

    @BeforeEach
    void open() {
        database = Database.embedded(dir);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    protected GatewayRuleStore store() {
        return new JdbcGatewayRuleStore(database.jdbi());
    }
}
