package dev.frontdesk.server.iservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** resetsend / resetconfirm against a real SMTP server (GreenMail) whose mail the test reads. */
@ExtendWith(OpenApiContract.class)
class IServicePasswordResetTest {
    private static final String RESET_PAGE = "https://portal.example.com/PasswordReset.aspx";
    private static final Pattern LINK = Pattern.compile("(https://\\S+)\\?confirm=([0-9a-f-]{36})");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort()).withPerMethodLifecycle(false);

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @BeforeEach
    void configure() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        server.admin().patchSettings("default", Map.of(
                "mail", Map.of("host", "127.0.0.1", "port", MAIL.getSmtp().getPort(), "from", "portal@example.com",
                        "startTls", false),
                "passwordResetUrl", RESET_PAGE,
                "passwordResetLifetimeSeconds", 3600));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void customer(String username, String email, String password) {
        server.admin().ok("POST", "/tenants/default/accounts", Map.of("username", username, "password", password,
                "type", "customer", "email", email));
    }

    /** Waits for the next mail to {@code to} and returns the {@code confirm} code of its link. */
    private static String codeMailedTo(String to, int expectedTotal) throws Exception {
        assertThat(MAIL.waitForIncomingEmail(15_000, expectedTotal)).isTrue();
        MimeMessage[] all = MAIL.getReceivedMessages();
        MimeMessage last = Arrays.stream(all)
                .filter(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .reduce((a, b) -> b).orElseThrow();
        Matcher link = LINK.matcher((String) last.getContent());
        assertThat(link.find()).isTrue();
        return link.group(2);
    }

    /** Polls the audit trail (filtered here by type: the admin API's type filter trips over "logout"). */
    private static boolean auditHas(String type, String username) throws InterruptedException {
        String path = "/tenants/default/events?username=" + URLEncoder.encode(username, StandardCharsets.UTF_8);
        for (int i = 0; i < 150; i++) {
            for (var event : server.admin().ok("GET", path, null)) {
                if (event.get("type").asString().equals(type)) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void resetSendWhenAddressKnownThenMailWithWorkingLinkArrives() throws Exception {
        customer("lena", "lena@example.com", "old password 123");

        var sent = new IServiceClient(server).json("resetsend", Map.of("emailAddress", "lena@example.com"));
        String code = codeMailedTo("lena@example.com", 1);

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.errors()).isEmpty();
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getFrom()[0].toString()).isEqualTo("portal@example.com");
        assertThat((String) mail.getContent()).contains(RESET_PAGE + "?confirm=" + code).contains("60 minutes");
        IServiceClient browser = new IServiceClient(server);
        var confirmed = browser.json("resetconfirm", Map.of("confirm", code, "password", "new password 456",
                "password1", "new password 456"));
        assertThat(confirmed.errors()).isEmpty();
        assertThat(confirmed.isLoggedIn()).isTrue();
        assertThat(browser.form("loggedin").isLoggedIn()).isTrue();
        assertThat(new IServiceClient(server).form("login", "username", "lena", "password", "new password 456")
                .isLoggedIn()).isTrue();
        assertThat(new IServiceClient(server).form("login", "username", "lena", "password", "old password 123")
                .isLoggedIn()).isFalse();
    }

    @Test
    void resetSendWhenAddressUnknownThenSameAnswerAndNoMail() throws Exception {
        customer("mona", "mona@example.com", "old password 123");

        var unknown = new IServiceClient(server).form("resetsend", "emailAddress", "nobody@example.com",
                "resetUrl", RESET_PAGE);
        var known = new IServiceClient(server).form("resetsend", "emailAddress", "mona@example.com",
                "resetUrl", RESET_PAGE);

        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(unknown.response().body()).isEqualTo(known.response().body());
        assertThat(unknown.setCookie()).isEqualTo(known.setCookie());
        codeMailedTo("mona@example.com", 1);
        assertThat(auditHas("password.reset-failed", "nobody@example.com")).isTrue();
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void resetConfirmWhenCodeUsedTwiceThenSecondTimeRefused() throws Exception {
        customer("nina", "nina@example.com", "old password 123");
        new IServiceClient(server).json("resetsend", Map.of("emailAddress", "nina@example.com"));
        String code = codeMailedTo("nina@example.com", 1);

        var first = new IServiceClient(server).json("resetconfirm", Map.of("confirm", code, "password", "first new pw 1"));
        var second = new IServiceClient(server).json("resetconfirm", Map.of("confirm", code, "password", "second new pw 2"));

        assertThat(first.isLoggedIn()).isTrue();
        assertThat(second.isLoggedIn()).isFalse();
        assertThat(second.errors()).containsExactly(Messages.RESET_CODE_INVALID);
        assertThat(new IServiceClient(server).form("login", "username", "nina", "password", "first new pw 1")
                .isLoggedIn()).isTrue();
    }

    @Test
    void resetSendWhenSentAgainThenOnlyTheNewestCodeWorks() throws Exception {
        customer("olga", "olga@example.com", "old password 123");
        new IServiceClient(server).json("resetsend", Map.of("emailAddress", "olga@example.com"));
        String older = codeMailedTo("olga@example.com", 1);
        new IServiceClient(server).json("resetsend", Map.of("emailAddress", "olga@example.com"));
        String newer = codeMailedTo("olga@example.com", 2);

        var withOlder = new IServiceClient(server).json("resetconfirm", Map.of("confirm", older, "password", "brand new pw 1"));
        var withNewer = new IServiceClient(server).json("resetconfirm", Map.of("confirm", newer, "password", "brand new pw 2"));

        assertThat(newer).isNotEqualTo(older);
        assertThat(withOlder.errors()).containsExactly(Messages.RESET_CODE_INVALID);
        assertThat(withNewer.isLoggedIn()).isTrue();
    }

    @Test
    void resetConfirmWhenCodeExpiredThenRefused() throws Exception {
        server.admin().patchSettings("default", Map.of("passwordResetLifetimeSeconds", 1));
        customer("paula", "paula@example.com", "old password 123");
        new IServiceClient(server).json("resetsend", Map.of("emailAddress", "paula@example.com"));
        String code = codeMailedTo("paula@example.com", 1);

        Thread.sleep(1500);
        var result = new IServiceClient(server).json("resetconfirm", Map.of("confirm", code, "password", "too late pw 1"));

        assertThat(result.isLoggedIn()).isFalse();
        assertThat(result.errors()).containsExactly(Messages.RESET_CODE_INVALID);
    }

    @Test
    void resetConfirmWhenUnknownCodeThenRefused() {
        var result = new IServiceClient(server).json("resetconfirm", Map.of(
                "confirm", "00000000-0000-0000-0000-000000000000", "password", "whatever pw 123"));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.isLoggedIn()).isFalse();
        assertThat(result.errors()).containsExactly(Messages.RESET_CODE_INVALID);
    }

    @Test
    void resetConfirmWhenPasswordWeakThenErrorAndCodeStillUsable() throws Exception {
        customer("quinn", "quinn@example.com", "old password 123");
        new IServiceClient(server).json("resetsend", Map.of("emailAddress", "quinn@example.com"));
        String code = codeMailedTo("quinn@example.com", 1);

        var weak = new IServiceClient(server).json("resetconfirm", Map.of("confirm", code, "password", "short"));
        var mismatch = new IServiceClient(server).json("resetconfirm", Map.of("confirm", code,
                "password", "good new password", "password1", "other new password"));
        var good = new IServiceClient(server).json("resetconfirm", Map.of("confirm", code, "password", "good new password"));

        assertThat(weak.errors()).singleElement().asString().contains("at least 8");
        assertThat(mismatch.errors()).containsExactly(Messages.PASSWORDS_DIFFER);
        assertThat(good.isLoggedIn()).isTrue();
    }

    @Test
    void resetConfirmWhenPasswordSetThenEveryOtherSessionOfTheAccountEnds() throws Exception {
        customer("rita", "rita@example.com", "old password 123");
        IServiceClient laptop = new IServiceClient(server);
        IServiceClient phone = new IServiceClient(server);
        laptop.form("login", "username", "rita", "password", "old password 123");
        phone.form("login", "username", "rita", "password", "old password 123");
        new IServiceClient(server).json("resetsend", Map.of("emailAddress", "rita@example.com"));
        String code = codeMailedTo("rita@example.com", 1);

        IServiceClient browser = new IServiceClient(server);
        browser.json("resetconfirm", Map.of("confirm", code, "password", "fresh password 9"));

        assertThat(laptop.form("loggedin").isLoggedIn()).isFalse();
        assertThat(phone.form("loggedin").isLoggedIn()).isFalse();
        assertThat(browser.form("loggedin").isLoggedIn()).isTrue();
        assertThat(server.admin().sessions("default", "rita").size()).isEqualTo(1);
    }

    @Test
    void resetSendWhenResetUrlOnTheTenantsOriginThenLinkUsesIt() throws Exception {
        customer("sara", "sara@example.com", "old password 123");

        new IServiceClient(server).json("resetsend", Map.of("emailAddress", "sara@example.com",
                "resetUrl", "https://portal.example.com/other/Reset.aspx?lang=en"));
        assertThat(MAIL.waitForIncomingEmail(15_000, 1)).isTrue();

        assertThat((String) MAIL.getReceivedMessages()[0].getContent())
                .contains("https://portal.example.com/other/Reset.aspx?lang=en&confirm=");
    }

    @Test
    void resetSendWhenResetUrlOnForeignOriginThenRefusedForKnownAndUnknownAlike() throws Exception {
        customer("tina", "tina@example.com", "old password 123");

        var known = new IServiceClient(server).json("resetsend", Map.of("emailAddress", "tina@example.com",
                "resetUrl", "https://attacker.example.net/steal"));
        var unknown = new IServiceClient(server).json("resetsend", Map.of("emailAddress", "nobody@example.com",
                "resetUrl", "https://attacker.example.net/steal"));

        assertThat(known.errors()).containsExactly(Messages.RESET_URL_NOT_ALLOWED);
        assertThat(unknown.response().body()).isEqualTo(known.response().body());
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void resetSendWhenNoAddressGivenThenError() {
        var result = new IServiceClient(server).json("resetsend", Map.of("resetUrl", RESET_PAGE));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.errors()).containsExactly(Messages.EMAIL_REQUIRED);
    }

    @Test
    void loggedInWhenMailConfiguredThenPasswordResetIsConfigured() {
        var result = new IServiceClient(server).form("loggedin");

        assertThat(result.loggedIn().get("isPasswordResetConfigured").asBoolean()).isTrue();
    }

    @Test
    void resetSendWhenTenantHasNoMailServerThenSaysSoAndLoggedInSaysNotConfigured() {
        server.admin().patchSettings("default", java.util.Collections.singletonMap("mail", null));

        var result = new IServiceClient(server).json("resetsend", Map.of("emailAddress", "anyone@example.com"));
        var loggedIn = new IServiceClient(server).form("loggedin");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.errors()).containsExactly(Messages.RESET_NOT_CONFIGURED);
        assertThat(loggedIn.loggedIn().get("isPasswordResetConfigured").asBoolean()).isFalse();
    }
}
