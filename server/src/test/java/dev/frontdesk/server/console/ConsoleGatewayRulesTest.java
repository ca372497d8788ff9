package dev.frontdesk.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The console's Gateway page in headless Chromium: shows the tenant's rules, saves edits, words refusals. */
class ConsoleGatewayRulesTest {
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void gatewayPageWhenRulesEditedThenSavedAndBadOnesExplained() {
        server.admin().ok("PUT", "/tenants/default/gateway/rules",
                List.of(Map.of("pathPrefix", "/f/webapp-api-admin", "accessRights", List.of("admin"))));
        browser.open(server.baseUrl() + "/console/");
        browser.type("#signin-form input[name=password]", TestServer.ADMIN_PASSWORD);
        browser.click("#signin-form button[type=submit]");
        browser.find("a.tenant-card[data-tenant=default]");
        browser.open(server.baseUrl() + "/console/#/t/default/gateway");
        browser.waitFor(d -> String.valueOf(browser.script(
                "return document.querySelector('#gateway-rules-form textarea')?.value")).contains("/f/webapp-api-admin"));

        browser.type("#gateway-rules-form textarea[name=rules]",
                "[{\"pathPrefix\": \"/ws/*/interaction/**\", \"channels\": [\"egain\"]}]");
        browser.click("#gateway-rules-form button[type=submit]");
        browser.waitFor(d -> server.admin().ok("GET", "/tenants/default/gateway/rules", null).toString()
                .contains("/ws/*/interaction/**"));
        JsonNode rules = server.admin().ok("GET", "/tenants/default/gateway/rules", null);
        assertThat(rules.size()).isEqualTo(1);
        assertThat(rules.get(0).get("channels").get(0).asString()).isEqualTo("egain");

        browser.type("#gateway-rules-form textarea[name=rules]", "[{\"pathPrefix\": \"no-slash\"}]");
        browser.click("#gateway-rules-form button[type=submit]");
        browser.waitForText("#gateway-rules-form .form-alert", "[0].pathPrefix");
        assertThat(server.admin().ok("GET", "/tenants/default/gateway/rules", null).size()).isEqualTo(1);
        assertThat(browser.pageErrors()).isEmpty();
    }
}
