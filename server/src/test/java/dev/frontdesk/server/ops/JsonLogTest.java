package dev.frontdesk.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.cli.FrontdeskCommand;
import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code logFormat: json} in a real server process ({@code FRONTDESK_LOG_FORMAT=json}): the access log comes out
 * as one JSON object per line, with the fields of the text line (client, method, path, status, ms) and still
 * without the query string.
 */
class JsonLogTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    @Test
    void accessLogWhenFormatIsJsonThenOneObjectPerRequestWithTheTextLinesFields() throws Exception {
        Path dataDir = Files.createTempDirectory("frontdesk-jsonlog");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                FrontdeskCommand.class.getName(), "serve", "--port", "0", "--host", "127.0.0.1",
                "--data-dir", dataDir.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("FRONTDESK_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
        env.put("FRONTDESK_ARGON2_MEMORY_KI_B", "4096");
        env.put("FRONTDESK_ARGON2_ITERATIONS", "1");
        env.put("FRONTDESK_ACCESS_LOG", "true");
        env.put("FRONTDESK_LOG_FORMAT", "json");
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
        try {
            int port = -1;
            while (port < 0) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("server start").isNotNull();
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertThat(Http.plain().get("http://127.0.0.1:" + port + "/health/live?probe=secret-ish").statusCode())
                    .isEqualTo(200);
            JsonNode access = null;
            while (access == null) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("an access log line").isNotNull();
                assertThat(line).doesNotContain("secret-ish");
                if (line.startsWith("{") && line.contains("frontdesk.access")) {
                    access = Json.MAPPER.readTree(line);
                }
            }
            assertThat(access.get("level").asString()).isEqualTo("INFO");
            Map<String, String> fields = new HashMap<>();
            access.get("kvpList").forEach(pair -> pair.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString())));
            assertThat(fields).containsEntry("client", "127.0.0.1").containsEntry("method", "GET")
                    .containsEntry("path", "/health/live").containsEntry("status", "200").containsKey("ms");
            assertThat(access.get("formattedMessage").asString()).startsWith("127.0.0.1 GET /health/live 200 ");
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
