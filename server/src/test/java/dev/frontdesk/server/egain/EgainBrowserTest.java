package dev.frontdesk.server.egain;

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
 * Issue 16, points 1 and 2 in a real browser: the eGain authoring single-page app's calls
 * ({@code egain-spa.html}) from its own origin, in headless Chromium: login at v20 (preflighted),
 * reading {@code X-egain-session}, the profile, logout, and the v19 token revoked the RFC 7009 way with
 * form-encoded client credentials. The same page on an origin the tenant does not list is blocked by
 * the browser, and no session opens.
 */
class EgainBrowserTest {
    private static final String PAGE = "egain-spa.html";
    private static final String CLIENT_ID = "spa-client.v1_~";
    private static final String CLIENT_SECRET = "spa secret ä+%";

    private static TestServer frontdesk;
    private static CrossOriginBrowser browser;
    private static String allowed;
    private static String foreign;

    @BeforeAll
    static void start() {
        frontdesk = TestServer.start();
        browser = CrossOriginBrowser.start();
        String frontdeskUrl = "http://localhost:" + frontdesk.port();
        allowed = browser.serve(EgainBrowserTest.class, PAGE, page(frontdeskUrl, "author1"));
        foreign = browser.serve(EgainBrowserTest.class, PAGE, page(frontdeskUrl, "author2"));
        frontdesk.admin().ok("POST", "/tenants/default/accounts", Map.of("username", "author1",
                "password", EgainCalls.PASSWORD, "type", "agent", "properties", Map.of("departmentId", "1001",
                        "departmentName", "Knowledge")));
        frontdesk.admin().createAgent("author2", EgainCalls.PASSWORD);
        frontdesk.admin().createClient("default", CLIENT_ID, CLIENT_SECRET);
        frontdesk.admin().patchSettings("default", Map.of("corsAllowedOrigins", List.of(allowed)));
    }

    private static Map<String, String> page(String frontdeskUrl, String user) {
        return Map.of("FRONTDESK", frontdeskUrl, "USER", user, "PASSWORD", EgainCalls.PASSWORD,
                "CLIENT_ID", CLIENT_ID, "CLIENT_SECRET", CLIENT_SECRET);
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
    void authoringAppWhenOnAllowedOriginThenLogsInReadsProfileAndLogsOut() {
        JsonNode result = browser.run(allowed, PAGE, "spa");

        assertThat(result.get("loginStatus").asInt()).isEqualTo(204);
        assertThat(result.get("sessionVisible").asBoolean()).isTrue();
        assertThat(result.get("profileStatus").asInt()).isEqualTo(200);
        assertThat(result.get("loginId").asString()).isEqualTo("author1");
        assertThat(result.get("departmentId").asString()).isEqualTo("1001");
        assertThat(result.get("departmentName").asString()).isEqualTo("Knowledge");
        assertThat(result.get("logoutStatus").asInt()).isEqualTo(204);
        assertThat(result.get("afterLogoutStatus").asInt()).isEqualTo(401);
        assertThat(result.get("afterLogoutMessage").asString())
                .isEqualTo("User could not be authenticated. Invalid session ID.");
        assertThat(frontdesk.admin().sessions("default", "author1").size()).isZero();
    }

    @Test
    void v19TokenWhenRevokedTheRfc7009WayFromTheBrowserThenDead() {
        JsonNode result = browser.run(allowed, PAGE, "v19");

        assertThat(result.get("tokenStatus").asInt()).isEqualTo(200);
        assertThat(result.get("revokeStatus").asInt()).isEqualTo(200);
        assertThat(result.get("loginWithRevokedTokenStatus").asInt()).isEqualTo(401);
    }

    @Test
    void authoringAppWhenOnDisallowedOriginThenBrowserBlocksItAndNoSessionOpens() {
        JsonNode result = browser.run(foreign, PAGE, "foreign");

        assertThat(result.get("login").asString()).isEqualTo("blocked TypeError");
        assertThat(result.get("profile").asString()).isEqualTo("blocked TypeError");
        assertThat(frontdesk.admin().sessions("default", "author2").size()).isZero();
    }
}
