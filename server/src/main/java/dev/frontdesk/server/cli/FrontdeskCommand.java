package dev.frontdesk.server.cli;

import dev.frontdesk.server.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code frontdesk}: the launcher's entry point. */
@Command(name = "frontdesk", mixinStandardHelpOptions = true, versionProvider = FrontdeskCommand.VersionProvider.class,
        description = "Login and session server for customer-service platforms.",
        subcommands = {ServeCommand.class, VersionCommand.class, NodeCommand.class, CommandLine.HelpCommand.class})
public final class FrontdeskCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new FrontdeskCommand()).execute(args);
        boolean serving = args.length > 0 && args[0].equals("serve") && code == 0;
        if (!serving) {
            System.exit(code);
        }
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
