package dev.frontdesk.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void schemaVersionNamesTheNewestMigration() throws IOException, URISyntaxException {
        Path migrations = Path.of(Database.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            int newest = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max(Comparator.naturalOrder()).orElseThrow();
            assertThat(Database.SCHEMA_VERSION).isEqualTo(String.valueOf(newest));
        }
    }

    @Test
    void newDatabaseThenMigratedWithoutAnErrorInH2sTraceFile() {
        try (Database created = Database.embedded(dataDir)) {
            assertThat(created.isHealthy()).isTrue();
        }
        assertThat(dataDir.resolve("frontdesk.trace.db")).doesNotExist();
    }

    @Test
    void reopenedDatabaseIsCurrentAndKeepsItsData() {
        try (Database first = Database.embedded(dataDir)) {
            first.jdbi().useHandle(h -> h.execute("INSERT INTO server_secrets (name, secret_hash) VALUES ('x', 'y')"));
        }
        try (Database again = Database.embedded(dataDir)) {
            String version = again.jdbi().withHandle(h -> h.createQuery(
                    "SELECT \"version\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\" DESC")
                    .mapTo(String.class).first());
            int kept = again.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM server_secrets WHERE name = 'x'").mapTo(Integer.class).one());
            assertThat(version).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(kept).isEqualTo(1);
        }
    }
}
