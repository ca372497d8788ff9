package dev.frontdesk.server.cli;

import dev.frontdesk.core.support.IdGenerator;
import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.transfer.LegacyAccountImport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code frontdesk import-accounts --tenant T accounts.csv}. The progress bar goes to standard error: a
 * redrawn bar on a terminal, otherwise (CI, a pipe, a log file) a plain line every few seconds.
 */
@Command(name = "import-accounts", mixinStandardHelpOptions = true,
        description = "Import accounts from a legacy system's CSV (hashes kept as they are, upgraded at next login).")
final class ImportAccountsCommand implements Callable<Integer> {
    @CommandLine.Mixin
    StorageOptions storage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--tenant", required = true, description = "the tenant the accounts belong to")
    String tenant;

    @Option(names = "--dry-run", description = "check every row and count what would be created, write nothing")
    boolean dryRun;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV with a header row (columns: see README)")
    Path file;

    @Override
    public Integer call() throws Exception {
        return Commands.guard(spec, () -> {
            ServerConfig config = storage.load();
            PrintWriter out = spec.commandLine().getOut();
            LegacyAccountImport.Summary summary;
            long start;
            try (Database database = StorageOptions.open(config)) {
                start = System.nanoTime();
                summary = new LegacyAccountImport(database.jdbi(), StorageOptions.hashes(config),
                        IdGenerator.timeOrdered(Clock.systemUTC()), Clock.systemUTC())
                        .run(file, tenant, dryRun, this::progress);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (summary.errorCount() > 0) {
                out.printf("%d rows, %d with problems; nothing was written:%n", summary.rows(), summary.errorCount());
                summary.errors().forEach(e -> out.println("  " + e));
                if (summary.errorCount() > summary.errors().size()) {
                    out.println("  ... and " + (summary.errorCount() - summary.errors().size()) + " more");
                }
                out.flush();
                return 1;
            }
            out.printf("%s%d rows: %d created, %d skipped (user name exists) in %.1f s (%.0f rows/s)%n",
                    dryRun ? "dry run, nothing written: " : "", summary.rows(), summary.created(), summary.skipped(),
                    seconds, summary.rows() / Math.max(seconds, 0.001));
            out.flush();
            return 0;
        });
    }

    private LegacyAccountImport.Progress progress(long total) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(dryRun ? "checking" : "importing")
                .setInitialMax(total).setUnit(" rows", 1).showSpeed();
        if (interactive()) {
            builder.setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200);
        } else {
            PrintWriter err = spec.commandLine().getErr();
            builder.setStyle(ProgressBarStyle.ASCII).setConsumer(new DelegatingProgressBarConsumer(line -> {
                err.println(line);
                err.flush();
            }, 80)).setUpdateIntervalMillis(5_000);
        }
        ProgressBar bar = builder.build();
        return new LegacyAccountImport.Progress() {
            @Override
            public void advance(long rows) {
                bar.stepBy(rows);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** A terminal on both ends: {@code System.console()} is null without one (JDK 21), or says so (JDK 22+). */
    private static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only on a terminal
        }
    }
}
