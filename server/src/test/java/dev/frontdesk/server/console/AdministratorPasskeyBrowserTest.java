package dev.frontdesk.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.AdminClient;
import dev.frontdesk.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import tools.jackson.databind.JsonNode;

/**
 * Passkeys for administrators in a real browser (headless Chromium with Chrome's virtual authenticator,
 * issue 18): enrol a passkey from My sign-in, sign in with it, and see the password alone and Basic
 * refused afterwards. The page is opened at {@code localhost} (WebAuthn refuses IP addresses as
 * relying party IDs).
 */
class AdministratorPasskeyBrowserTest {
    static final String PASSWORD = "pia-password-123";
    static TestServer server;
    static Browser browser;
    static AdminClient pia;
    static VirtualAuthenticator authenticator;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        pia = server.admin().createAdministrator(server.baseUrl(), "pia", PASSWORD, "auditor", null);
        browser = Browser.start();
        authenticator = ((HasVirtualAuthenticator) browser.driver).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true)
                .setIsUserConsenting(true));
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

    private static String console() {
        return "http://localhost:" + server.port() + "/console/";
    }

    @Test
    void passkeyWhenEnrolledThenSignsInAloneAndPasswordAloneIsRefused() {
        browser.open(console());
        browser.type("#signin-form input[name=username]", "pia");
        browser.type("#signin-form input[name=password]", PASSWORD);
        browser.click("#signin-form button[type=submit]");
        browser.find(".tenant-list");
        browser.click("#nav-security");
        browser.click("#add-passkey");
        browser.find("#passkey-added");
        assertThat(authenticator.getCredentials()).hasSize(1);
        browser.screenshot("passkey-added");
        browser.click("#sign-out");
        browser.find("#signin-form");

        browser.click("#passkey-signin");
        browser.find(".tenant-list");
        browser.click("#nav-security");
        browser.waitForText("#me-name", "pia");
        browser.waitForText("#passkey-status", "1 passkey");
        browser.click("#sign-out");
        browser.find("#signin-form");

        browser.type("#signin-form input[name=username]", "pia");
        browser.type("#signin-form input[name=password]", PASSWORD);
        browser.click("#signin-form button[type=submit]");
        browser.waitForText("#signin-form .form-alert", "passkey");
        assertThat(pia.call("GET", "/tenants", null).statusCode()).isEqualTo(401);
        JsonNode events = server.admin().ok("GET", "/events?type=login.succeeded&username=pia", null);
        assertThat(events.findValuesAsString("detail")).contains("console: passkey");
        assertThat(browser.pageErrors()).isEmpty();
    }
}
