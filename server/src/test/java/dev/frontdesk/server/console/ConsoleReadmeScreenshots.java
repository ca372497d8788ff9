package dev.frontdesk.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.login.LoginRequest;
import dev.frontdesk.core.login.LoginResult;
import dev.frontdesk.core.session.EndReason;
import dev.frontdesk.core.session.SessionRequest;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.server.testing.MutableClock;
import dev.frontdesk.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: makes the README's pictures of the sessions page and the dashboard, with an hour of
 * made-up traffic on several channels. Run it on purpose:
 * {@code ./mvnw -o -pl server -am test -Dtest=ConsoleReadmeScreenshots -Dsurefire.failIfNoSpecifiedTests=false
 * -Dconsole.readmeScreenshots=$PWD/docs/images}
 */
@EnabledIfSystemProperty(named = "console.readmeScreenshots", matches = ".+")
class ConsoleReadmeScreenshots {
    private static final String PASSWORD = "Correct-Horse-7-battery";
    private static final List<String> AGENTS = List.of("alice.moreno", "bilal.haddad", "chen.li", "dana.okafor",
            "erik.svensson", "farah.nasser", "george.ito", "hana.kowalska", "ivan.petrov", "julia.santos");
    private static final List<String> CUSTOMERS = List.of("m.rossi@example.com", "k.tanaka@example.com",
            "s.dubois@example.com", "p.nguyen@example.com");
    private static final List<String> AGENT_CHANNELS = List.of("egain", "egain", "iservice", "srs", "native");

    @Test
    void sessionsPageAndDashboard() throws IOException {
        Path out = Path.of(System.getProperty("console.readmeScreenshots"));
        Instant realNow = Instant.now();
        MutableClock clock = new MutableClock(realNow.minus(Duration.ofMinutes(60)));
        try (TestServer server = TestServer.start(clock, List.of()); Browser browser = Browser.start()) {
            AGENTS.forEach(a -> server.admin().createAgent(a, PASSWORD));
            CUSTOMERS.forEach(c -> server.admin().createCustomer(c, PASSWORD));
            Frontdesk core = server.server().core();
            Random random = new Random(10);
            List<String> early = new ArrayList<>();
            for (int minute = 0; minute < 59; minute++) {
                int attempts = 1 + random.nextInt(minute > 40 ? 6 : 4);
                for (int i = 0; i < attempts; i++) {
                    boolean customer = random.nextInt(4) == 0;
                    String user = customer ? CUSTOMERS.get(random.nextInt(CUSTOMERS.size()))
                            : AGENTS.get(random.nextInt(AGENTS.size()));
                    String channel = customer ? (random.nextBoolean() ? "egain" : "iservice")
                            : AGENT_CHANNELS.get(random.nextInt(AGENT_CHANNELS.size()));
                    boolean typo = random.nextInt(6) == 0;
                    LoginResult result = login(core, user, typo ? "Correct-Horse-7-batery" : PASSWORD, channel,
                            "10.20." + (1 + random.nextInt(3)) + "." + (10 + random.nextInt(200)));
                    if (result instanceof LoginResult.Success s && minute < 45) {
                        early.add(s.sessionId());
                    }
                }
                if (minute == 52) {
                    for (int i = 0; i < 7; i++) {
                        login(core, "george.ito", PASSWORD, "egain", "10.20.2.44");
                    }
                }
                if (minute % 3 == 0 && early.size() > 4) {
                    // most earlier sessions have logged out by now
                    for (int i = 0; i < early.size() - 3; i++) {
                        core.sessions().end(early.get(i), EndReason.LOGOUT, new RequestContext("egain", "", "", null));
                    }
                    early = new ArrayList<>(early.subList(early.size() - 3, early.size()));
                }
                clock.advance(Duration.ofMinutes(1).plusMillis(random.nextInt(500)));
            }
            clock.advance(Duration.between(clock.instant(), Instant.now().plusSeconds(1)));

            browser.resize(1280, 800);
            browser.open(server.baseUrl() + "/console/");
            browser.type("#signin-form input[name=password]", TestServer.ADMIN_PASSWORD);
            browser.click("#signin-form button[type=submit]");
            browser.click("a.tenant-card[data-tenant=default]");
            browser.find("svg.chart rect.bar");
            browser.script("window.scrollTo(0, 0); document.activeElement.blur();");
            Files.createDirectories(out);
            Files.copy(browser.screenshot("readme-dashboard"), out.resolve("console-dashboard.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            browser.click("#mainnav a[href='#/t/default/sessions']");
            browser.find("#sessions-results tr[data-username]");
            browser.script("document.activeElement.blur();");
            Files.copy(browser.screenshot("readme-sessions"), out.resolve("console-sessions.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            assertThat(out.resolve("console-sessions.png")).exists();
        }
    }

    private static LoginResult login(Frontdesk core, String user, String password, String channel, String ip) {
        RequestContext context = new RequestContext(channel, ip, "Mozilla/5.0", null);
        return core.logins().login(new LoginRequest("default", user, password,
                Set.of(AccountType.AGENT, AccountType.CUSTOMER), SessionRequest.of(context, false)));
    }
}
