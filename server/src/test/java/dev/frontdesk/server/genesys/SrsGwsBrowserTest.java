package dev.frontdesk.server.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.CrossOriginBrowser;
import dev.frontdesk.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, point 3 in a real browser: a Workspace Web Services agent-desktop widget
 * ({@code gws-widget.html}) on its own origin logs in, starts its contact-center session, sees the real
 * 404 of a Web Services path Frontdesk does not serve (its preflight answered), and logs out; from an
 * origin the tenant does not list, the browser blocks the same call.
 */
class SrsGwsBrowserTest {
    private static final String PAGE = "gws-widget.html";

    private static TestServer frontdesk;
    private static CrossOriginBrowser browser;
    private static String allowed;
    private static String foreign;

    @BeforeAll
    static void start() {
        frontdesk = TestServer.start();
        browser = CrossOriginBrowser.start();
        Map<String, String> page = Map.of("FRONTDESK", "http://localhost:" + frontdesk.port(), "USER", "gwsagent",
                "PASSWORD", Srs.PASSWORD);
        allowed = browser.serve(SrsGwsBrowserTest.class, PAGE, page);
        foreign = browser.serve(SrsGwsBrowserTest.class, PAGE, page);
        frontdesk.admin().createAgent("gwsagent", Srs.PASSWORD);
        frontdesk.admin().patchSettings("default", Map.of("corsAllowedOrigins", List.of(allowed),
                "srsPingRequired", false));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (frontdesk != null) {
            frontdesk.close();
        }
    }

    @Test
    void widgetWhenOnAllowedOriginThenStartsItsSessionSeesReal404sAndLogsOut() {
        JsonNode result = browser.run(allowed, PAGE, "widget");

        assertThat(result.get("loginStatus").asInt()).isEqualTo(200);
        assertThat(result.get("startStatus").asInt()).isEqualTo(200);
        assertThat(result.get("startStatusCode").asInt()).isZero();
        assertThat(result.get("unservedStatus").asInt()).isEqualTo(404);
        assertThat(result.get("logoutStatus").asInt()).isEqualTo(200);
        assertThat(frontdesk.admin().sessions("default", "gwsagent").size()).isZero();
    }

    @Test
    void widgetWhenOnDisallowedOriginThenBrowserBlocksTheCall() {
        JsonNode result = browser.run(foreign, PAGE, "foreign");

        assertThat(result.get("unserved").asString()).isEqualTo("blocked TypeError");
    }
}
