package dev.frontdesk.server.cli;

import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.transfer.Backups;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code frontdesk restore --from FILE.zip}: replaces the embedded database; the server must be stopped. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore the embedded database from a backup (server stopped); sessions and tokens are not restored.")
final class RestoreCommand implements Callable<Integer> {
    @CommandLine.Mixin
    StorageOptions storage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "a zip written by frontdesk backup")
    Path from;

    @Override
    public Integer call() throws Exception {
        return Commands.guard(spec, () -> {
            ServerConfig config = storage.load();
            if (!StorageOptions.embedded(config)) {
                throw new IllegalArgumentException("restore is for the embedded store; for PostgreSQL use pg_restore (README, Operations)");
            }
            Backups.Restored restored = Backups.restore(from, config.dataPath(), Clock.systemUTC());
            PrintWriter out = spec.commandLine().getOut();
            if (restored.previous() != null) {
                out.println("previous database kept as " + restored.previous());
            }
            out.printf("restored %d tenants, %d accounts, %d clients into %s; %d sessions from the backup ended"
                    + " (sessions and tokens are never restored)%n", restored.tenants(), restored.accounts(),
                    restored.clients(), config.dataPath().toAbsolutePath().normalize(), restored.endedSessions());
            out.flush();
            return 0;
        });
    }
}
