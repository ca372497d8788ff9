package dev.frontdesk.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.MutableClock;
import dev.frontdesk.server.testing.TestServer;
import dev.frontdesk.server.testing.TotpCodes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * TOTP for administrators in a real browser (headless Chromium, issue 18): enrolment from the QR code
 * page with a wrong and a right code, then console sign-in with password + code, a wrong code, a
 * replayed code and a recovery code; and the screens of a helpdesk role without what it may not use.
 * Codes are computed here from the key the page shows; the server's clock is a test clock.
 */
class AdministratorTotpBrowserTest {
    static final String PASSWORD = "tess-password-123";
    static MutableClock clock;
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        clock = MutableClock.startingNow();
        server = TestServer.start(clock, List.of());
        server.admin().createAdministrator(server.baseUrl(), "tess", PASSWORD, "helpdesk", null);
        server.admin().createAgent("alice", "alice-password-1");
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

    @AfterEach
    void noScriptErrorsOrPolicyViolations() {
        assertThat(browser.pageErrors()).isEmpty();
    }

    private static void signInForm(String password, String code) {
        browser.type("#signin-form input[name=username]", "tess");
        browser.type("#signin-form input[name=password]", password);
        if (code != null) {
            browser.type("#signin-form input[name=code]", code);
        }
        browser.click("#signin-form button[type=submit]");
    }

    /** Password, then the code the page asks for; waits for the page to answer. */
    private static void signInWithCode(String code) {
        signInForm(PASSWORD, null);
        browser.waitForText("#signin-form .form-alert", "authenticator app");
        browser.type("#signin-form input[name=password]", PASSWORD);
        browser.type("#signin-form input[name=code]", code);
        browser.click("#signin-form button[type=submit]");
    }

    private static void signOut() {
        browser.click("#sign-out");
        browser.find("#signin-form");
    }

    private static void freshPage() {
        browser.open(server.baseUrl() + "/console/api/session");
        browser.driver.manage().deleteAllCookies();
        browser.open(server.baseUrl() + "/console/");
        browser.find("#signin-form");
    }

    @Test
    void enrolThenSignInWithCodesWrongReplayedAndRecovery() {
        freshPage();
        signInForm(PASSWORD, null);
        browser.find("#topbar .tenant-list, .tenant-list");
        browser.click("#nav-security");
        browser.click("#enrol-totp");
        WebElement qr = browser.find("#totp-qr");
        assertThat((Boolean) browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0;", qr)).isTrue();
        String secret = browser.find("#totp-secret").getText();
        assertThat(browser.find("#totp-uri").getText()).startsWith("otpauth://totp/Frontdesk:tess?secret=" + secret);
        browser.screenshot("totp-enrolment");

        String right = TotpCodes.at(secret, clock.instant());
        browser.type("#totp-code", right.equals("000000") ? "111111" : "000000");
        browser.click("#confirm-totp");
        browser.waitForText("#totp-form .form-alert", "not right");
        browser.type("#totp-code", right);
        browser.click("#confirm-totp");
        List<String> recovery = browser.waitFor(d -> {
            List<String> codes = browser.all("#recovery-codes li").stream().map(WebElement::getText).toList();
            return codes.size() == 10 ? codes : null;
        });
        browser.screenshot("totp-recovery-codes");
        signOut();

        clock.advance(Duration.ofSeconds(30));
        String code = TotpCodes.at(secret, clock.instant());
        signInWithCode(code.equals("000000") ? "111111" : "000000");
        browser.waitForText("#signin-form .form-alert", "not correct");
        browser.type("#signin-form input[name=password]", PASSWORD);
        browser.type("#signin-form input[name=code]", code);
        browser.click("#signin-form button[type=submit]");
        browser.find(".tenant-list");
        signOut();

        signInWithCode(code);
        browser.waitForText("#signin-form .form-alert", "not correct");
        assertThat(browser.all(".tenant-list")).isEmpty();

        freshPage();
        signInWithCode(recovery.get(0));
        browser.find(".tenant-list");
        signOut();
        freshPage();
        signInWithCode(recovery.get(0));
        browser.waitForText("#signin-form .form-alert", "not correct");
    }

    @Test
    void helpdeskWhenSignedInThenNoButtonsItMayNotUse() {
        try (TestServer plain = TestServer.start()) {
            plain.admin().createAdministrator(plain.baseUrl(), "hugo", PASSWORD, "helpdesk", null);
            String aliceId = plain.admin().createAgent("alice", "alice-password-1");
            browser.open(plain.baseUrl() + "/console/api/session");
            browser.driver.manage().deleteAllCookies();
            browser.open(plain.baseUrl() + "/console/#/t/default/accounts/" + aliceId);
            browser.type("#signin-form input[name=username]", "hugo");
            browser.type("#signin-form input[name=password]", PASSWORD);
            browser.click("#signin-form button[type=submit]");
            browser.find("#toggle-enabled");
            assertThat(browser.all("#delete-account")).isEmpty();
            List<String> nav = browser.all("#mainnav a").stream().map(WebElement::getText).toList();
            assertThat(nav).contains("Accounts", "Sessions", "My sign-in")
                    .doesNotContain("Clients", "Audit trail", "Administrators", "Dashboard");
            browser.screenshot("helpdesk-account");
            browser.open(plain.baseUrl() + "/console/#/t/default/accounts");
            browser.find("#page-title");
            assertThat(browser.all("button[data-needs], button")).noneMatch(b -> b.getText().equals("Create account"));
        }
    }
}
