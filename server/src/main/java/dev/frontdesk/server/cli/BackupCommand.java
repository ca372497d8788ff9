package dev.frontdesk.server.cli;

import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.transfer.Backups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code frontdesk backup --to DIR}: an online backup of the embedded store, also while the server runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the embedded database to DIR/frontdesk-<UTC time>.zip (the server may keep running).")
final class BackupCommand implements Callable<Integer> {
    @CommandLine.Mixin
    StorageOptions storage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "directory for the backup file")
    Path to;

    @Override
    public Integer call() throws Exception {
        return Commands.guard(spec, () -> {
            ServerConfig config = storage.load();
            if (!StorageOptions.embedded(config)) {
                throw new IllegalArgumentException("backup is for the embedded store; for PostgreSQL use pg_dump (README, Operations)");
            }
            try (Database database = StorageOptions.open(config)) {
                Path file = Backups.backup(database, to, Clock.systemUTC());
                spec.commandLine().getOut().printf("backup written: %s (%d bytes)%n", file, Files.size(file));
                spec.commandLine().getOut().flush();
            }
            return 0;
        });
    }
}
