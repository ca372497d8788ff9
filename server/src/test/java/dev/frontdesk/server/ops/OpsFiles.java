package dev.frontdesk.server.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The repository's operations files ({@code docs/ops/}, {@code deploy/}) and the Debian tools that check them
 * ({@code promtool}, {@code yamllint}, installed by {@code bin/ensure-ops-tools}). A missing tool skips its
 * test with a note, or fails it when {@code FRONTDESK_REQUIRE_SERVICES=true} (CI).
 */
final class OpsFiles {
    private OpsFiles() {
    }

    /** The repository root: tests run in {@code server/}. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    /** Runs a Debian tool; returns its exit code and output. */
    static Result run(String tool, String... args) throws IOException, InterruptedException {
        Path executable = findOnPath(tool);
        if (executable == null) {
            String note = tool + " is not installed: run bin/ensure-ops-tools";
            if ("true".equalsIgnoreCase(System.getenv("FRONTDESK_REQUIRE_SERVICES"))) {
                Assertions.fail(note + " (FRONTDESK_REQUIRE_SERVICES=true)");
            }
            Assumptions.abort(note);
        }
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(root().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail(tool + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }

    record Result(int exitCode, String output) {
    }

    private static Path findOnPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
