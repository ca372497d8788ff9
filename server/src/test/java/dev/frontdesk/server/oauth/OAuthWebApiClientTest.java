package dev.frontdesk.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, point 2 with a second standard client library: oauth4webapi (npm, pinned in
 * {@code src/test/node/oauth4webapi/package-lock.json}) runs unchanged in Node against a real server:
 * discovery, grant with a form-encoded {@code client_secret_basic}, introspection of its token and of an
 * eGain session, revocation. The package is installed with {@code npm ci} into {@code target/}. Without
 * {@code node}/{@code npm} the test is skipped, unless {@code FRONTDESK_REQUIRE_SERVICES=true} (CI), where
 * it fails.
 */
class OAuthWebApiClientTest {
    private static final Path SOURCE = Path.of("src", "test", "node", "oauth4webapi");
    private static final Path WORK = Path.of("target", "node", "oauth4webapi");

    @Test
    void oauth4webapiWhenRunUnchangedThenDiscoversGrantsIntrospectsAndRevokes() throws Exception {
        boolean required = "true".equalsIgnoreCase(System.getenv("FRONTDESK_REQUIRE_SERVICES"));
        boolean available = runs(List.of("node", "--version")) && runs(List.of("npm", "--version"));
        if (required) {
            assertThat(available).as("node and npm are required (FRONTDESK_REQUIRE_SERVICES=true)").isTrue();
        }
        assumeTrue(available, "node/npm not installed");
        install();

        try (TestServer server = TestServer.start()) {
            String clientId = "node-app.v2_~";
            String secret = "ñode secret +%20 ~";
            server.admin().createClient("default", clientId, secret);
            server.admin().createAgent("o4w-agent", "Quill-harbor-7");
            HttpResponse<String> login = Http.plain().post(server.baseUrl() + "/ws/v20/authentication/user/login",
                    "application/json", "{\"userName\":\"o4w-agent\",\"password\":\"Quill-harbor-7\"}");
            String session = login.headers().firstValue("X-egain-session").orElseThrow();

            JsonNode result = Json.MAPPER.readTree(node(Map.of("FRONTDESK_URL", server.baseUrl(),
                    "CLIENT_ID", clientId, "CLIENT_SECRET", secret, "SESSION", session)));

            assertThat(result.get("issuer").asString()).isEqualTo(server.baseUrl());
            assertThat(result.get("tokenType").asString()).isEqualToIgnoringCase("bearer");
            assertThat(result.get("tokenActive").asBoolean()).isTrue();
            assertThat(result.get("tokenClientId").asString()).isEqualTo(clientId);
            assertThat(result.get("sessionActive").asBoolean()).isTrue();
            assertThat(result.get("sessionUsername").asString()).isEqualTo("o4w-agent");
            assertThat(result.get("activeAfterRevocation").asBoolean()).isFalse();
        }
    }

    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "conformance.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules").resolve("oauth4webapi"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                    .directory(WORK.toFile()).redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(npm.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(npm.exitValue()).as("npm ci: %s", output).isZero();
        }
    }

    private static String node(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", "conformance.mjs").directory(WORK.toFile());
        builder.environment().putAll(environment);
        Process node = builder.start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(node.exitValue()).as("node conformance.mjs: %s", errors).isZero();
        return output.trim();
    }

    private static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
