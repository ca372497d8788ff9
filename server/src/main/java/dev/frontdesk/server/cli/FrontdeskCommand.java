package dev.frontdesk.server.cli;

import dev.frontdesk.server.ops.Version;
import io.helidon.service.registry.GlobalServiceRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code frontdesk}: the launcher's entry point. */
@Command(name = "frontdesk", mixinStandardHelpOptions = true, versionProvider = FrontdeskCommand.VersionProvider.class,
        description = "Login and session server for customer-service platforms.",
        subcommands = {ServeCommand.class, VersionCommand.class, NodeCommand.class, ExportCommand.class, ImportCommand.class,
                ImportAccountsCommand.class, BackupCommand.class, RestoreCommand.class, RotateSecretKeyCommand.class, CommandLine.HelpCommand.class})
public final class FrontdeskCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        boolean serve = args.length > 0 && args[0].equals("serve");
        if (serve) {
            warmUpWebServer();
        }
        int code = new CommandLine(new FrontdeskCommand()).execute(args);
        boolean serving = serve && code == 0;
        if (!serving) {
            System.exit(code);
        }
    }

    /**
     * Helidon's first routing builder discovers its service registry, about half a second of class loading
     * and reflection that depends on nothing of ours; done on a second core while the command line, the
     * configuration and the database are read, it is ready when the server is built.
     */
    private static void warmUpWebServer() {
        Thread.ofPlatform().daemon(true).name("frontdesk-warm-up").start(GlobalServiceRegistry::registry);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"frontdesk " + Version.value()};
        }
    }
}
