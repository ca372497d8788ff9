package dev.frontdesk.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.AdminClient;
import dev.frontdesk.server.testing.MutableClock;
import dev.frontdesk.server.testing.TestServer;
import dev.frontdesk.server.testing.TotpCodes;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * TOTP for administrators (issue 18), over HTTP: enrolment through the admin API, console sign-in
 * with password + code, a wrong code, a replayed code, recovery codes, and Basic refused once a
 * factor is enrolled. The server's clock is a test clock, advanced a step at a time.
 */
class AdministratorTotpTest {
    static MutableClock clock;
    static TestServer server;
    static AdminClient owner;

    @BeforeAll
    static void start() {
        clock = MutableClock.startingNow();
        server = TestServer.start(clock, List.of());
        owner = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Enrols TOTP for a new administrator through Basic; returns the secret and the recovery codes. */
    private static Enrolled enrol(String username, String password, String role) {
        AdminClient admin = owner.createAdministrator(server.baseUrl(), username, password, role, null);
        JsonNode begun = admin.ok("POST", "/me/totp", null);
        String secret = begun.get("secret").asString();
        assertThat(begun.get("otpauthUri").asString())
                .startsWith("otpauth://totp/Frontdesk:" + username + "?secret=" + secret);
        assertThat(begun.get("qrCode").asString()).startsWith("data:image/svg+xml;base64,");
        HttpResponse<String> wrong = admin.call("PUT", "/me/totp", Map.of("code", wrongCode(secret)));
        assertThat(wrong.statusCode()).isEqualTo(400);
        JsonNode confirmed = admin.ok("PUT", "/me/totp", Map.of("code", TotpCodes.at(secret, clock.instant())));
        List<String> codes = confirmed.get("recoveryCodes").valueStream().map(JsonNode::asString).toList();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        return new Enrolled(admin, secret, codes);
    }

    private record Enrolled(AdminClient basic, String secret, List<String> recoveryCodes) {
    }

    private static String wrongCode(String secret) {
        String right = TotpCodes.at(secret, clock.instant());
        return right.equals("000000") ? "000001" : "000000";
    }

    @Test
    void enrolledWhenSigningInThenCodeRequiredWrongRefusedRightAcceptedReplayRefused() {
        Enrolled e = enrol("tara", "tara-password-12", "helpdesk");
        clock.advance(Duration.ofSeconds(30));
        ConsoleClient console = new ConsoleClient(server.baseUrl());

        HttpResponse<String> passwordOnly = console.signInAs("tara", "tara-password-12", null);
        assertThat(passwordOnly.statusCode()).isEqualTo(401);
        assertThat(ConsoleClient.json(passwordOnly).get("error").asString()).isEqualTo("code_required");

        assertThat(console.signInAs("tara", "tara-password-12", wrongCode(e.secret())).statusCode()).isEqualTo(401);
        assertThat(console.signInAs("tara", "wrong-password-1", TotpCodes.at(e.secret(), clock.instant())).statusCode())
                .isEqualTo(401);

        String code = TotpCodes.at(e.secret(), clock.instant());
        console.signInAsOk("tara", "tara-password-12", code);
        JsonNode me = ConsoleClient.json(console.admin("GET", "/me", null));
        assertThat(me.get("username").asString()).isEqualTo("tara");
        assertThat(me.get("totp").asBoolean()).isTrue();
        assertThat(console.admin("GET", "/tenants/default/accounts", null).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = new ConsoleClient(server.baseUrl()).signInAs("tara", "tara-password-12", code);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(ConsoleClient.json(replay).get("error").asString()).isEqualTo("invalid_credentials");

        clock.advance(Duration.ofSeconds(30));
        new ConsoleClient(server.baseUrl()).signInAsOk("tara", "tara-password-12", TotpCodes.at(e.secret(), clock.instant()));

        JsonNode events = owner.ok("GET", "/events?type=login.failed&username=tara", null);
        assertThat(events.findValuesAsString("detail")).anySatisfy(d -> assertThat(d).contains("replayed code"))
                .anySatisfy(d -> assertThat(d).contains("wrong code"));
    }

    @Test
    void recoveryCodeWhenUsedThenAcceptedOnce() {
        Enrolled e = enrol("rita", "rita-password-12", "auditor");
        String recovery = e.recoveryCodes().get(3);
        new ConsoleClient(server.baseUrl()).signInAsOk("rita", "rita-password-12", recovery.toUpperCase());
        assertThat(new ConsoleClient(server.baseUrl()).signInAs("rita", "rita-password-12", recovery).statusCode())
                .isEqualTo(401);
        ConsoleClient console = new ConsoleClient(server.baseUrl())
                .signInAsOk("rita", "rita-password-12", e.recoveryCodes().get(4));
        assertThat(ConsoleClient.json(console.admin("GET", "/me", null)).get("recoveryCodesLeft").asInt()).isEqualTo(8);
        JsonNode events = owner.ok("GET", "/events?type=admin.change&username=rita", null);
        assertThat(events.findValuesAsString("detail")).anySatisfy(d -> assertThat(d).contains("recovery code used"));
    }

    @Test
    void basicWhenFactorEnrolledThenRefusedUntilOwnerRemovesIt() {
        Enrolled e = enrol("bert", "bert-password-12", "auditor");
        assertThat(e.basic().call("GET", "/tenants", null).statusCode()).isEqualTo(401);
        assertThat(owner.call("DELETE", "/administrators/bert/second-factors", null).statusCode()).isEqualTo(204);
        assertThat(e.basic().call("GET", "/tenants", null).statusCode()).isEqualTo(200);
        assertThat(owner.ok("GET", "/administrators/bert", null).get("totp").asBoolean()).isFalse();
    }

    @Test
    void confirmWhenNothingPendingThen409() {
        AdminClient admin = owner.createAdministrator(server.baseUrl(), "nora", "nora-password-12", "auditor", null);
        assertThat(admin.call("PUT", "/me/totp", Map.of("code", "123456")).statusCode()).isEqualTo(409);
    }

    @Test
    void bootstrapOwnerWhenBasicTurnedOffThenOnlyTheConsole() {
        try (TestServer strict = TestServer.startWithAdminPolicy(false, "enrolled")) {
            AdminClient basic = strict.admin();
            assertThat(basic.call("GET", "/tenants", null).statusCode()).isEqualTo(401);
            ConsoleClient console = new ConsoleClient(strict.baseUrl()).signInOk(TestServer.ADMIN_PASSWORD);
            assertThat(console.admin("GET", "/tenants", null).statusCode()).isEqualTo(200);
            JsonNode session = ConsoleClient.json(console.session());
            assertThat(session.get("enrolmentSuggested").asBoolean()).isTrue();
        }
    }

    @Test
    void secondFactorRequiredWhenNoneEnrolledThenOnlyEnrolmentAllowed() {
        try (TestServer strict = TestServer.startWithAdminPolicy(true, "required")) {
            ConsoleClient console = new ConsoleClient(strict.baseUrl()).signInOk(TestServer.ADMIN_PASSWORD);
            assertThat(ConsoleClient.json(console.session()).get("enrolmentRequired").asBoolean()).isTrue();
            assertThat(console.admin("GET", "/tenants", null).statusCode()).isEqualTo(403);
            JsonNode me = ConsoleClient.json(console.admin("GET", "/me", null));
            assertThat(me.get("enrolmentRequired").asBoolean()).isTrue();
            JsonNode begun = ConsoleClient.json(console.change("POST", "/me/totp", null));
            String secret = begun.get("secret").asString();
            HttpResponse<String> confirmed = console.change("PUT", "/me/totp",
                    Map.of("code", TotpCodes.at(secret, java.time.Instant.now())));
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            assertThat(console.admin("GET", "/tenants", null).statusCode()).isEqualTo(200);
        }
    }
}
