package dev.frontdesk.server.cli;

import dev.frontdesk.server.ops.Version;
import picocli.CommandLine.Command;

/** {@code frontdesk version}. */
@Command(name = "version", description = "Print the version.")
final class VersionCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("frontdesk " + Version.value());
    }
}
