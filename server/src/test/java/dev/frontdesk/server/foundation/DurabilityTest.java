package dev.frontdesk.server.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.cli.FrontdeskCommand;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.NativeClient;
import dev.frontdesk.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions survive a hard kill of the server process, ended ones stay ended, and the database holds
 * no secret in clear. The server runs as a separate JVM here, started like {@code bin/frontdesk serve}.
 */
class DurabilityTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void serverKilledHardThenLiveSessionsValidateAndEndedOnesStayEnded() throws Exception {
        ServerProcess first = ServerProcess.start(dataDir);
        NativeClient api = new NativeClient(first.baseUrl());
        first.admin().createAgent("durable", "durable-password-1");
        String kept = api.loginOk("durable", "durable-password-1");
        String ended = api.loginOk("durable", "durable-password-1");
        assertThat(api.logout(ended).statusCode()).isEqualTo(204);
        first.killHard();

        ServerProcess second = ServerProcess.start(dataDir);
        try {
            NativeClient again = new NativeClient(second.baseUrl());
            assertThat(again.sessionStatus(kept)).isEqualTo(200);
            assertThat(again.sessionStatus(ended)).isEqualTo(401);
        } finally {
            second.killHard();
        }
    }

    @Test
    void databaseHoldsNoSecretInClear() throws Exception {
        String password = "clear-text-check-pw";
        String clientSecret = "client-secret-in-clear-check";
        String session;
        String token;
        try (TestServer server = TestServer.start()) {
            NativeClient api = new NativeClient(server.baseUrl());
            server.admin().createAgent("secretive", password);
            server.admin().createClient("default", "secret-client", clientSecret);
            session = api.loginOk("secretive", password);
            var tokenAnswer = Http.plain().post(server.baseUrl() + "/oauth2/token",
                    "application/x-www-form-urlencoded", "grant_type=client_credentials",
                    "Authorization", Http.basic("secret-client", clientSecret));
            assertThat(tokenAnswer.statusCode()).isEqualTo(200);
            token = tokenAnswer.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            server.close();
            String dump = dumpDatabase(server.dataDir());
            assertThat(dump).contains("secretive").contains("secret-client");
            assertThat(dump).doesNotContain(password).doesNotContain(clientSecret)
                    .doesNotContain(session).doesNotContain(token)
                    .doesNotContain(TestServer.ADMIN_PASSWORD);
        }
    }

    private static String dumpDatabase(Path dataDir) throws Exception {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("frontdesk");
        StringBuilder dump = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SCRIPT")) {
            while (rs.next()) {
                dump.append(rs.getString(1)).append('\n');
            }
        }
        return dump.toString();
    }

    /** The server in its own JVM, on the test's class path. */
    record ServerProcess(Process process, int port) {
        static ServerProcess start(Path dataDir) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    FrontdeskCommand.class.getName(), "serve", "--port", "0", "--host", "127.0.0.1",
                    "--data-dir", dataDir.toString());
            Map<String, String> env = builder.environment();
            env.put("FRONTDESK_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
            env.put("FRONTDESK_ARGON2_MEMORY_KI_B", "4096");
            env.put("FRONTDESK_ARGON2_ITERATIONS", "1");
            env.put("FRONTDESK_ACCESS_LOG", "false");
            builder.redirectErrorStream(true);
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                    return new ServerProcess(process, Integer.parseInt(m.group(1)));
                }
            }
            throw new IllegalStateException("server did not start:\n" + seen);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        dev.frontdesk.server.testing.AdminClient admin() {
            return new dev.frontdesk.server.testing.AdminClient(baseUrl(), TestServer.ADMIN_PASSWORD);
        }

        void killHard() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
