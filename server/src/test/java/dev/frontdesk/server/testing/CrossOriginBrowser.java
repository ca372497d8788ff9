package dev.frontdesk.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.frontdesk.server.json.Json;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;

/**
 * Debian's headless Chromium (through {@code /usr/bin/chromedriver}, never a downloaded driver) running
 * a test page served from a second origin by a JDK {@link HttpServer}: {@code http://localhost:P} for
 * each page server, Frontdesk at {@code http://localhost:F}. Different ports are different origins (the
 * browser applies CORS) but the same site (a {@code SameSite=Lax} cookie still travels with
 * {@code credentials: "include"}). Chromium must be installed ({@code bin/ensure-chromium}); without it
 * a test fails, it does not skip.
 */
public final class CrossOriginBrowser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;
    private final List<HttpServer> pages = new ArrayList<>();

    private CrossOriginBrowser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static CrossOriginBrowser start() {
        assertThat(CHROMIUM).as("Chromium is missing: run bin/ensure-chromium").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver is missing: run bin/ensure-chromium").isExecutable();
        try {
            Path profile = Files.createTempDirectory("frontdesk-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            return new CrossOriginBrowser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serves the classpath resource {@code page} (next to {@code owner}) at a new origin, with each
     * {@code __KEY__} replaced by its value; returns the origin ({@code http://localhost:P}).
     */
    public String serve(Class<?> owner, String page, Map<String, String> replacements) {
        try (InputStream in = owner.getResourceAsStream(page)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> entry : replacements.entrySet()) {
                text = text.replace("__" + entry.getKey() + "__", entry.getValue());
            }
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/" + page, exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            pages.add(server);
            return "http://localhost:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens {@code origin/page} and runs one of the page's async functions; returns what it resolved to. */
    public JsonNode run(String origin, String page, String function) {
        driver.get(origin + "/" + page);
        Object json = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                %s().then(r => done(JSON.stringify(r)), e => done(JSON.stringify({failed: String(e)})));
                """.formatted(function));
        JsonNode result = Json.MAPPER.readTree(String.valueOf(json));
        assertThat(result.has("failed")).as("page script failed: %s", result).isFalse();
        return result;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            pages.forEach(p -> p.stop(0));
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
