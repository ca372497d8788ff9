package dev.frontdesk.server.cli;

import dev.frontdesk.client.ece.cli.EceLoginCli;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code frontdesk node ...}: flow nodes run from scripts. */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run a flow node once.",
        subcommands = NodeCommand.EceLogin.class)
final class NodeCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code frontdesk node ece-login --config node.json --transaction-id ID}. */
    @Command(name = "ece-login", mixinStandardHelpOptions = true,
            description = "Create an eGain session as the ECE Login node does; prints the result as JSON.")
    static final class EceLogin implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "node configuration (JSON)")
        Path config;

        @Option(names = "--transaction-id", description = "the flow's transaction ID, e.g. nodeid.sms.transid")
        String transactionId;

        @Override
        public Integer call() {
            return EceLoginCli.run(config, transactionId, System.out);
        }
    }
}
