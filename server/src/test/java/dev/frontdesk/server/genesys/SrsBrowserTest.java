package dev.frontdesk.server.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.TestServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;

/**
 * A real browser against the SRS dialect: Debian's headless Chromium, driven through chromedriver by
 * Selenium, runs the agent-desktop page {@code srs-desktop.html} served from a second origin.
 *
 * <p>The origins: Frontdesk at {@code http://localhost:P1}; the allowed desktop page at
 * {@code http://localhost:P2}; a page the tenant does not allow at {@code http://localhost:P3}. All three
 * are the same <em>site</em> (cookies ignore ports) but different <em>origins</em>, so the browser applies
 * CORS to every call while the {@code SameSite=Lax} cookie (plain HTTP cannot carry
 * {@code SameSite=None}, which needs {@code Secure}) still travels with {@code credentials: "include"}.
 * With {@code 127.0.0.1} against {@code localhost} the cookie would be cross-site and never sent.
 *
 * <p>Chromium must be installed ({@code bin/ensure-chromium}); without it this test fails, it does not skip.
 */
class SrsBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static TestServer frontdesk;
    private static HttpServer allowedPages;
    private static HttpServer foreignPages;
    private static Path profile;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        assertThat(CHROMIUM).as("Chromium is missing: run bin/ensure-chromium").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver is missing: run bin/ensure-chromium").isExecutable();
        frontdesk = TestServer.start();
        String frontdeskUrl = "http://localhost:" + frontdesk.port();
        allowedPages = pages(frontdeskUrl, "alice");
        foreignPages = pages(frontdeskUrl, "bob");
        frontdesk.admin().createAgent("alice", Srs.PASSWORD);
        frontdesk.admin().createAgent("bob", Srs.PASSWORD);
        frontdesk.admin().patchSettings("default", Map.of("corsAllowedOrigins",
                List.of("http://localhost:" + allowedPages.getAddress().getPort())));

        profile = Files.createTempDirectory("frontdesk-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (allowedPages != null) {
            allowedPages.stop(0);
        }
        if (foreignPages != null) {
            foreignPages.stop(0);
        }
        if (frontdesk != null) {
            frontdesk.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void desktopWhenOnAllowedOriginThenLogsInWithCsrfPingsAndLogsOut() {
        JsonNode result = run(allowedPages, "desktop");

        assertThat(result.get("deniedStatus").asInt()).isEqualTo(401);
        assertThat(result.get("deniedStatusCode").asInt()).isEqualTo(20);
        assertThat(result.get("loginStatus").asInt()).isEqualTo(200);
        assertThat(result.get("userName").asString()).isEqualTo("alice");
        assertThat(result.get("csrfHeader").asString()).isEqualTo("X-CSRF-Token");
        assertThat(result.get("tokenShape").asBoolean()).isTrue();
        assertThat(result.get("cookieVisibleToScript").asBoolean()).isFalse();
        assertThat(result.get("cookieOnlyStatus").asInt()).isEqualTo(200);
        assertThat(result.get("cookieOnlyUser").asString()).isEqualTo("alice");
        assertThat(result.get("pingStatus").asInt()).isEqualTo(200);
        assertThat(result.get("pingRepeatsToken").asBoolean()).isTrue();
        assertThat(result.get("withoutTokenStatus").asInt()).isEqualTo(403);
        assertThat(result.get("withoutTokenMessage").asString()).isEqualTo("Missing or invalid Csrf token");
        assertThat(result.get("logoutStatus").asInt()).isEqualTo(200);
        assertThat(result.get("pingAfterLogoutStatus").asInt()).isEqualTo(401);
        assertThat(frontdesk.admin().sessions("default", "alice").size()).isZero();
    }

    @Test
    void pageWhenOnDisallowedOriginThenBrowserBlocksItAndNoSessionOpens() {
        JsonNode result = run(foreignPages, "foreign");

        assertThat(result.get("login").asString()).isEqualTo("blocked TypeError");
        assertThat(result.get("version").asString()).isEqualTo("blocked TypeError");
        assertThat(frontdesk.admin().sessions("default", "bob").size()).isZero();
    }

    /** Opens the page of {@code pages} and runs one of its async functions; returns what it resolved to. */
    private static JsonNode run(HttpServer pages, String function) {
        browser.get("http://localhost:" + pages.getAddress().getPort() + "/srs-desktop.html");
        Object json = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                %s().then(r => done(JSON.stringify(r)), e => done(JSON.stringify({failed: String(e)})));
                """.formatted(function));
        JsonNode result = Json.MAPPER.readTree(String.valueOf(json));
        assertThat(result.has("failed")).as("page script failed: %s", result).isFalse();
        return result;
    }

    /** A second origin serving the desktop page, filled in for Frontdesk's URL and one agent. */
    private static HttpServer pages(String frontdeskUrl, String user) {
        try (InputStream in = SrsBrowserTest.class.getResourceAsStream("srs-desktop.html")) {
            byte[] page = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("__FRONTDESK__", frontdeskUrl)
                    .replace("__USER__", user)
                    .replace("__PASSWORD__", Srs.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/srs-desktop.html", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
