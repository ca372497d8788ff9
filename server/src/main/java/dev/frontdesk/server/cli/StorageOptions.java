package dev.frontdesk.server.cli;

import dev.frontdesk.core.credential.Argon2Hasher;
import dev.frontdesk.core.credential.LegacyAwareHasher;
import dev.frontdesk.core.credential.PasswordHasher;
import dev.frontdesk.server.config.ConfigLoader;
import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.store.jdbc.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The storage flags the operations commands share with {@code serve}; the rest comes from the
 * configuration file and {@code FRONTDESK_*} variables as for the server ({@link ConfigLoader}).
 */
final class StorageOptions {
    @Option(names = "--data-dir", description = "directory of the embedded database (default ./data)")
    String dataDir;

    @Option(names = "--config", description = "YAML configuration file")
    Path config;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL database (default: embedded H2)")
    String dbUrl;

    ServerConfig load() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("dataDir", dataDir);
        overrides.put("dbUrl", dbUrl);
        return ConfigLoader.load(config, System.getenv(), overrides);
    }

    static boolean embedded(ServerConfig config) {
        return config.dbUrl() == null || config.dbUrl().isBlank();
    }

    /** PostgreSQL, or the embedded database: through a running server's endpoint, else opened here. */
    static Database open(ServerConfig config) {
        if (!embedded(config)) {
            return Database.connect(config.dbUrl(), config.dbUser(), config.dbPassword());
        }
        try {
            Files.createDirectories(config.dataPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.dataPath(), e);
        }
        return Database.embeddedOrRunning(config.dataPath());
    }

    /** The hash forms the server verifies: what an import may store. */
    static PasswordHasher hashes(ServerConfig config) {
        return new LegacyAwareHasher(new Argon2Hasher(config.argon2()));
    }
}
