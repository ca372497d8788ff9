package dev.frontdesk.server.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.AdminClient;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.MutableClock;
import dev.frontdesk.server.testing.NativeClient;
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
 * TOTP on the native login (issue 18): enrolment with a session, the documented second step
 * ({@code 401 mfa_required} then {@code POST /api/v1/login/mfa}), the tenant setting that requires it
 * per account type, and the legacy dialects left as they were.
 */
class NativeTotpTest {
    static MutableClock clock;
    static TestServer server;
    static AdminClient admin;
    static NativeClient nativeClient;

    @BeforeAll
    static void start() {
        clock = MutableClock.startingNow();
        server = TestServer.start(clock, List.of());
        admin = server.admin();
        nativeClient = new NativeClient(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String path, Object body, String... headers) {
        return Http.plain().post(server.baseUrl() + path, "application/json", Json.write(body), headers);
    }

    private static HttpResponse<String> put(String path, Object body, String... headers) {
        return Http.plain().method("PUT", server.baseUrl() + path, "application/json", Json.write(body), headers);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void enrolledAccountWhenLoggingInThenSecondStepWrongReplayedRightCodes() {
        admin.createAgent("olga", "olga-password-1");
        String session = nativeClient.loginOk("olga", "olga-password-1");
        JsonNode enrolment = json(post("/api/v1/totp", Map.of(), "X-Session-Token", session));
        String secret = enrolment.get("secret").asString();
        assertThat(enrolment.get("otpauthUri").asString()).startsWith("otpauth://totp/Frontdesk%20default:olga?");
        assertThat(enrolment.get("qrCode").asString()).startsWith("data:image/svg+xml;base64,");
        assertThat(put("/api/v1/totp", Map.of("code", "000000".equals(TotpCodes.at(secret, clock.instant()))
                ? "111111" : "000000"), "X-Session-Token", session).statusCode()).isEqualTo(400);
        assertThat(put("/api/v1/totp", Map.of("code", TotpCodes.at(secret, clock.instant())),
                "X-Session-Token", session).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(30));

        HttpResponse<String> first = nativeClient.login("olga", "olga-password-1", false);
        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(json(first).get("error").asString()).isEqualTo("mfa_required");
        assertThat(json(first).has("enrolment")).isFalse();
        String mfaToken = json(first).get("mfaToken").asString();

        HttpResponse<String> wrong = post("/api/v1/login/mfa", Map.of("mfaToken", mfaToken, "code", "12345x"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).get("error").asString()).isEqualTo("invalid_code");

        String code = TotpCodes.at(secret, clock.instant());
        HttpResponse<String> right = post("/api/v1/login/mfa", Map.of("mfaToken", mfaToken, "code", code));
        assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
        assertThat(nativeClient.sessionStatus(json(right).get("session").asString())).isEqualTo(200);

        HttpResponse<String> used = post("/api/v1/login/mfa", Map.of("mfaToken", mfaToken, "code", code));
        assertThat(json(used).get("error").asString()).isEqualTo("invalid_mfa_token");
        String again = json(nativeClient.login("olga", "olga-password-1", false)).get("mfaToken").asString();
        HttpResponse<String> replay = post("/api/v1/login/mfa", Map.of("mfaToken", again, "code", code));
        assertThat(json(replay).get("error").asString()).isEqualTo("invalid_code");

        JsonNode events = admin.ok("GET", "/tenants/default/events?username=olga&type=login.failed", null);
        assertThat(events.findValuesAsString("detail")).anySatisfy(d -> assertThat(d).contains("replayed code"));
    }

    @Test
    void accountWithoutTotpWhenNotRequiredThenOneStepAsBefore() {
        admin.createAgent("pete", "pete-password-1");
        assertThat(nativeClient.login("pete", "pete-password-1", false).statusCode()).isEqualTo(201);
        assertThat(post("/api/v1/login/mfa", Map.of("mfaToken", "made-up", "code", "123456")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void tenantRequiringTotpForAgentsWhenFirstLoginThenEnrolsThroughTheSecondStep() {
        try (TestServer own = TestServer.start(clock, List.of())) {
            own.admin().patchSettings("default", Map.of("totpRequiredFor", List.of("agent")));
            own.admin().createAgent("quinn", "quinn-password-1");
            own.admin().createCustomer("cora", "cora-password-1");
            NativeClient client = new NativeClient(own.baseUrl());
            HttpResponse<String> first = client.login("quinn", "quinn-password-1", false);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(401);
            JsonNode challenge = json(first);
            assertThat(challenge.get("error").asString()).isEqualTo("mfa_required");
            String secret = challenge.get("enrolment").get("secret").asString();
            HttpResponse<String> done = Http.plain().post(own.baseUrl() + "/api/v1/login/mfa", "application/json",
                    Json.write(Map.of("mfaToken", challenge.get("mfaToken").asString(),
                            "code", TotpCodes.at(secret, clock.instant()))));
            assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
            clock.advance(Duration.ofSeconds(30));
            HttpResponse<String> next = client.login("quinn", "quinn-password-1", false);
            assertThat(next.statusCode()).isEqualTo(401);
            assertThat(json(next).has("enrolment")).isFalse();
            assertThat(own.admin().ok("GET", "/tenants/default/events?username=quinn&type=totp.enrolled", null))
                    .hasSize(1);

            assertThat(client.login("cora", "cora-password-1", false).statusCode()).isEqualTo(201);
            assertThat(own.admin().call("PATCH", "/tenants/default/settings",
                    Map.of("totpRequiredFor", List.of("robot"))).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void legacyDialectWhenAccountHasTotpThenUnaffected() {
        admin.createAgent("lena", "lena-password-1");
        String session = nativeClient.loginOk("lena", "lena-password-1");
        String secret = json(post("/api/v1/totp", Map.of(), "X-Session-Token", session)).get("secret").asString();
        assertThat(put("/api/v1/totp", Map.of("code", TotpCodes.at(secret, clock.instant())),
                "X-Session-Token", session).statusCode()).isEqualTo(200);
        HttpResponse<String> egain = Http.plain().post(server.baseUrl() + "/system/ws/v12/authentication/user/login",
                "application/json", Json.write(Map.of("userName", "lena", "password", "lena-password-1")));
        assertThat(egain.statusCode()).as(egain.body()).isEqualTo(204);
        assertThat(egain.headers().firstValue("X-egain-session")).isPresent();
    }
}
