package dev.frontdesk.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.MutableClock;
import dev.frontdesk.server.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What /console/ serves: its files, and the headers that keep the page from being framed or fed scripts. */
class ConsolePagesTest {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertConsoleHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void indexWhenRequestedThenHtmlWithSecurityHeaders() {
        HttpResponse<String> response = Http.plain().get(server.baseUrl() + "/console/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).contains("<script type=\"module\" src=\"app.js\"></script>");
        assertConsoleHeaders(response);
    }

    @Test
    void consoleWithoutSlashWhenRequestedThenRedirectedToSlash() {
        HttpResponse<String> response = Http.plain().get(server.baseUrl() + "/console");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/console/");
    }

    @Test
    void everyFileOfTheConsoleWhenRequestedThenServedWithItsType() throws IOException {
        Path dir = Path.of("src/main/resources/console");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.toList();
        }
        assertThat(files).hasSize(StaticAssets.NAMES.size());
        for (Path file : files) {
            String name = file.getFileName().toString();
            HttpResponse<String> response = Http.plain().get(server.baseUrl() + "/console/" + name);
            assertThat(response.statusCode()).as(name).isEqualTo(200);
            assertThat(response.body()).as(name).isEqualTo(Files.readString(file));
            String type = response.headers().firstValue("Content-Type").orElseThrow();
            if (name.endsWith(".js")) {
                assertThat(type).isEqualTo("text/javascript; charset=utf-8");
            } else if (name.endsWith(".css")) {
                assertThat(type).isEqualTo("text/css; charset=utf-8");
            }
            assertConsoleHeaders(response);
        }
    }

    @Test
    void pagesWhenReadThenNoInlineScriptOrStyle() throws IOException {
        String html = Files.readString(Path.of("src/main/resources/console/index.html"));

        assertThat(html).doesNotContain("<script>").doesNotContain("style=").doesNotContain("onclick=")
                .doesNotContain("<style");
        try (Stream<Path> list = Files.list(Path.of("src/main/resources/console"))) {
            for (Path js : list.filter(p -> p.toString().endsWith(".js")).toList()) {
                String source = Files.readString(js);
                assertThat(source).as(js.toString()).doesNotContain("innerHTML").doesNotContain("eval(")
                        .doesNotContain("new Function").doesNotContain("'style'")
                        .doesNotContainPattern("(from|import|fetch\\()\\s*['\"]https?:");
            }
        }
    }

    @Test
    void unknownFileWhenRequestedThen404WithSecurityHeaders() {
        HttpResponse<String> missing = Http.plain().get(server.baseUrl() + "/console/nope.js");
        HttpResponse<String> deeper = Http.plain().get(server.baseUrl() + "/console/api/other");
        HttpResponse<String> wrongMethod = Http.plain().method("PUT", server.baseUrl() + "/console/api/session",
                "application/json", "{}");
        HttpResponse<String> traversal = Http.plain().get(server.baseUrl() + "/console/..%2f..%2fpom.xml");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertConsoleHeaders(missing);
        assertThat(deeper.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
        assertThat(traversal.statusCode()).isNotEqualTo(200);
        assertThat(traversal.body()).doesNotContain("<project");
    }

    @Test
    void sessionApiWhenAnsweredThenCarriesSecurityHeaders() {
        HttpResponse<String> anonymous = Http.plain().get(server.baseUrl() + "/console/api/session");
        HttpResponse<String> signIn = new ConsoleClient(server.baseUrl()).signIn(TestServer.ADMIN_PASSWORD);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertConsoleHeaders(anonymous);
        assertThat(signIn.statusCode()).isEqualTo(201);
        assertConsoleHeaders(signIn);
        assertThat(signIn.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void signInWhenBehindTrustedTlsProxyThenHostPrefixedSecureCookie() {
        try (TestServer proxied = TestServer.start(MutableClock.startingNow(), List.of("127.0.0.1/32"))) {
            HttpResponse<String> response = Http.plain().post(proxied.baseUrl() + "/console/api/session",
                    "application/json", Json.write(Map.of("password", TestServer.ADMIN_PASSWORD)),
                    "X-Forwarded-Proto", "https");

            assertThat(response.statusCode()).isEqualTo(201);
            String header = ConsoleClient.setCookieHeader(response, "__Host-frontdesk-console").orElseThrow();
            assertThat(header).contains("Secure").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
            String id = ConsoleClient.setCookie(response, "__Host-frontdesk-console").orElseThrow();
            HttpResponse<String> plainName = Http.plain().get(proxied.baseUrl() + "/admin/api/v1/tenants",
                    "Cookie", "frontdesk-console=" + id, "X-Forwarded-Proto", "https");
            HttpResponse<String> prefixed = Http.plain().get(proxied.baseUrl() + "/admin/api/v1/tenants",
                    "Cookie", "__Host-frontdesk-console=" + id, "X-Forwarded-Proto", "https");
            assertThat(plainName.statusCode()).isEqualTo(401);
            assertThat(prefixed.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void signInWhenUntrustedPeerClaimsTlsThenPlainCookie() {
        HttpResponse<String> response = Http.plain().post(server.baseUrl() + "/console/api/session",
                "application/json", Json.write(Map.of("password", TestServer.ADMIN_PASSWORD)),
                "X-Forwarded-Proto", "https");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(ConsoleClient.setCookieHeader(response, "frontdesk-console")).isPresent();
        assertThat(ConsoleClient.setCookieHeader(response, "__Host-frontdesk-console")).isEmpty();
    }
}
