package dev.frontdesk.server.operations;

import dev.frontdesk.server.cli.FrontdeskCommand;
import dev.frontdesk.server.testing.Http;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine;

/** Runs {@code frontdesk ...} as the launcher does, in this JVM, and captures what it prints. */
record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new FrontdeskCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    Cli ok() {
        if (exit != 0) {
            throw new AssertionError("exit " + exit + "\nout: " + out + "\nerr: " + err);
        }
        return this;
    }

    /** Waits until a server on {@code dataDir} has published its operations endpoint (it opens beside start-up). */
    static void awaitEndpoint(Path dataDir) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.exists(dataDir.resolve("frontdesk.endpoint"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no operations endpoint in " + dataDir);
            }
            Thread.sleep(50);
        }
    }

    /** A client-credentials grant on the native token endpoint. */
    static HttpResponse<String> token(String baseUrl, String clientId, String secret) {
        return Http.plain().post(baseUrl + "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials", "Authorization", Http.basic(clientId, secret));
    }
}
