package dev.frontdesk.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/** What the operations commands share: one way to report a failure and its exit code. */
final class Commands {
    private Commands() {
    }

    /** Runs {@code body}; a bad configuration or argument prints one line (no stack trace) and exits 2, a failure 1. */
    static int guard(CommandLine.Model.CommandSpec spec, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("frontdesk " + spec.name() + ": " + e.getMessage());
            return 2;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("frontdesk " + spec.name() + ": " + e.getMessage());
            return 1;
        }
    }
}
