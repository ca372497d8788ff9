package dev.frontdesk.server.cli;

import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.transfer.Exporter;
import dev.frontdesk.server.transfer.TransferKey;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code frontdesk export [--tenant T] > file.json}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write tenants (SMTP/LDAP passwords in clear), accounts (password hashes), OpenID links,"
                + " clients, administrators (password hashes, TOTP keys, passkeys) and administrator clients as JSON.")
final class ExportCommand implements Callable<Integer> {
    @CommandLine.Mixin
    StorageOptions storage;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--tenant",
            description = "only this tenant (administrators and administrator clients are server-wide: left out)")
    String tenant;

    @Option(names = "--output", description = "write to this file instead of standard output")
    Path output;

    @Override
    public Integer call() throws Exception {
        return Commands.guard(spec, () -> {
            ServerConfig config = storage.load();
            try (Database database = StorageOptions.open(config);
                 OutputStream out = output == null ? new BufferedOutputStream(new StandardOutput())
                         : new BufferedOutputStream(new FileOutputStream(output.toFile()))) {
                Exporter.Counts counts = new Exporter(database.jdbi(), Clock.systemUTC(),
                        TransferKey.existing(config.secretKey(), config.secretKeyPath())).export(tenant, out);
                out.flush();
                spec.commandLine().getErr().printf("exported %d tenants, %d accounts, %d OpenID links, %d clients,"
                        + " %d administrators, %d administrator clients%n", counts.tenants(), counts.accounts(),
                        counts.openIdLinks(), counts.clients(), counts.administrators(), counts.adminClients());
            }
            return 0;
        });
    }

    /** Standard output as bytes (UTF-8 from the JSON writer), not closed with the command. */
    private static final class StandardOutput extends OutputStream {
        @Override
        public void write(int b) {
            System.out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.out.write(b, off, len);
        }

        @Override
        public void flush() {
            System.out.flush();
        }
    }
}
