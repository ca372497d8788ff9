package dev.frontdesk.server.cli;

import dev.frontdesk.core.support.IdGenerator;
import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.transfer.ImportReport;
import dev.frontdesk.server.transfer.Importer;
import dev.frontdesk.server.transfer.TransferDocument;
import dev.frontdesk.server.transfer.TransferFiles;
import dev.frontdesk.server.transfer.TransferKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code frontdesk import file.json [--dry-run]}: exit 0 imported (or would be), 1 problems (nothing written). */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read an export file: create or update by natural key; nothing is written if any record is wrong.")
final class ImportCommand implements Callable<Integer> {
    @CommandLine.Mixin
    StorageOptions storage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a file written by frontdesk export")
    Path file;

    @Option(names = "--dry-run", description = "check and report, write nothing")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        return Commands.guard(spec, () -> {
            ServerConfig config = storage.load();
            TransferDocument document = TransferFiles.read(file);
            try (Database database = StorageOptions.open(config)) {
                // the key the servers of the target use, from the same settings; created only where the embedded
                // store's own server would create it
                TransferKey key = StorageOptions.embedded(config)
                        ? TransferKey.createdIfMissing(config.secretKey(), config.secretKeyPath())
                        : TransferKey.existing(config.secretKey(), config.secretKeyPath());
                ImportReport report = new Importer(database.jdbi(), StorageOptions.hashes(config),
                        IdGenerator.timeOrdered(Clock.systemUTC()), Clock.systemUTC(), key).run(document, dryRun);
                report.lines(dryRun).forEach(spec.commandLine().getOut()::println);
                spec.commandLine().getOut().flush();
                return report.problems().isEmpty() ? 0 : 1;
            }
        });
    }
}
