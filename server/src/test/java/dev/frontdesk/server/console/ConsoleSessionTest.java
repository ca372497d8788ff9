package dev.frontdesk.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The console's own sign-in, and the admin API judged by its cookie and CSRF token. */
@ExtendWith(OpenApiContract.class)
class ConsoleSessionTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private ConsoleClient signedIn() {
        return new ConsoleClient(server.baseUrl()).signInOk(TestServer.ADMIN_PASSWORD);
    }

    @Test
    void signInWhenPasswordRightThenHttpOnlyStrictCookieAndCsrfToken() {
        HttpResponse<String> response = new ConsoleClient(server.baseUrl()).signIn(TestServer.ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(201);
        String header = ConsoleClient.setCookieHeader(response, "frontdesk-console").orElseThrow();
        assertThat(header).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/").contains("Max-Age=28800").doesNotContainIgnoringCase("Secure").doesNotContainIgnoringCase("Domain");
        String cookie = ConsoleClient.setCookie(response, "frontdesk-console").orElseThrow();
        assertThat(cookie).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        JsonNode body = ConsoleClient.json(response);
        assertThat(body.get("csrfToken").asString()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(cookie);
        assertThat(body.get("idleTimeoutSeconds").asInt()).isEqualTo(900);
        assertThat(body.get("user").asString()).isEqualTo("admin");
        assertThat(response.body()).doesNotContain(cookie);
    }

    @Test
    void signInWhenPasswordWrongThenGeneric401WithoutCookie() {
        ConsoleClient client = new ConsoleClient(server.baseUrl());
        HttpResponse<String> wrongPassword = client.signIn("not-the-password");
        HttpResponse<String> wrongUser = Http.plain().post(server.baseUrl() + "/console/api/session", "application/json",
                Json.write(Map.of("username", "root", "password", TestServer.ADMIN_PASSWORD)));

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo("{\"error\":\"invalid_credentials\"}");
        assertThat(wrongPassword.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(wrongUser.statusCode()).isEqualTo(401);
        assertThat(wrongUser.body()).isEqualTo(wrongPassword.body());
        // a success from the address clears its failures, so other tests are not slowed
        client.signInOk(TestServer.ADMIN_PASSWORD);
    }

    @Test
    void signInWhenBodyIsNotJsonThen415() {
        HttpResponse<String> response = Http.plain().post(server.baseUrl() + "/console/api/session",
                "application/x-www-form-urlencoded", "password=" + TestServer.ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void signInWhenMalformedJsonThen400() {
        HttpResponse<String> response = Http.plain().post(server.baseUrl() + "/console/api/session",
                "application/json", "{\"password\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void signInWhenFromAnotherOriginThen403() {
        HttpResponse<String> response = new ConsoleClient(server.baseUrl()).signIn(TestServer.ADMIN_PASSWORD,
                "Origin", "https://evil.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void signInAgainWhenCookieSentThenOldSessionEnds() {
        ConsoleClient first = signedIn();
        String oldCookie = first.cookie;
        HttpResponse<String> again = first.signIn(TestServer.ADMIN_PASSWORD, "Cookie", "frontdesk-console=" + oldCookie);

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(ConsoleClient.setCookie(again, "frontdesk-console").orElseThrow()).isNotEqualTo(oldCookie);
        assertThat(first.admin("GET", "/tenants", null).statusCode()).isEqualTo(401);
    }

    @Test
    void adminApiWhenCookieAndReadingThenAllowedWithoutCsrf() {
        ConsoleClient console = signedIn();

        HttpResponse<String> response = console.admin("GET", "/tenants", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"default\"");
    }

    @Test
    void adminApiWhenCookieAndChangeWithoutCsrfThen403AndNothingChanges() {
        ConsoleClient console = signedIn();

        HttpResponse<String> response = console.admin("POST", "/tenants/default/accounts",
                Map.of("username", "nocsrf", "password", "a-good-long-password", "type", "agent"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("csrf_token_invalid");
        assertThat(server.admin().ok("GET", "/tenants/default/accounts?username=nocsrf", null)).isEmpty();
    }

    @Test
    void adminApiWhenCookieAndWrongCsrfThen403() {
        ConsoleClient console = signedIn();
        ConsoleClient other = signedIn();

        HttpResponse<String> garbage = console.admin("PATCH", "/tenants/default/settings",
                Map.of("broadcastMessage", "x"), "X-CSRF-Token", "garbage");
        HttpResponse<String> othersToken = console.admin("PATCH", "/tenants/default/settings",
                Map.of("broadcastMessage", "x"), "X-CSRF-Token", other.csrf);
        HttpResponse<String> delete = console.admin("DELETE", "/tenants/default/sessions?username=nobody", null,
                "X-CSRF-Token", "");

        assertThat(garbage.statusCode()).isEqualTo(403);
        assertThat(othersToken.statusCode()).isEqualTo(403);
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(server.admin().ok("GET", "/tenants/default", null).get("settings").get("broadcastMessage").asString())
                .isNotEqualTo("x");
    }

    @Test
    void adminApiWhenCookieAndCsrfThenChangeIsAuditedWithActorAdmin() {
        ConsoleClient console = signedIn();

        HttpResponse<String> created = console.change("POST", "/tenants/default/accounts",
                Map.of("username", "viaconsole", "password", "a-good-long-password", "type", "agent"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode events = server.admin().ok("GET", "/tenants/default/events?username=viaconsole", null);
        assertThat(events).isNotEmpty();
        events.forEach(e -> assertThat(e.get("actor").asString()).isEqualTo("admin"));
        HttpResponse<String> patched = console.change("PATCH", "/tenants/default/settings",
                Map.of("broadcastMessage", "hello from the console"));
        assertThat(patched.statusCode()).isEqualTo(200);
        JsonNode changes = server.admin().ok("GET", "/tenants/default/events?type=admin.change&limit=1", null);
        assertThat(changes.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(changes.get(0).get("detail").asString()).contains("broadcastMessage");
    }

    @Test
    void adminApiWhenCookieAndCsrfButForeignOriginThen403() {
        ConsoleClient console = signedIn();

        HttpResponse<String> foreignOrigin = console.change("PATCH", "/tenants/default/settings",
                Map.of("broadcastMessage", "x"), "Origin", "https://evil.example");
        HttpResponse<String> crossSite = console.change("PATCH", "/tenants/default/settings",
                Map.of("broadcastMessage", "x"), "Sec-Fetch-Site", "cross-site");
        HttpResponse<String> sameOrigin = console.change("PATCH", "/tenants/default/settings",
                Map.of("spamPolicyUrl", "https://example.com/spam"), "Origin", server.baseUrl(),
                "Sec-Fetch-Site", "same-origin");

        assertThat(foreignOrigin.statusCode()).isEqualTo(403);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
    }

    @Test
    void adminApiWhenNoCookieThenBasicChallengeAsBefore() {
        HttpResponse<String> none = Http.plain().get(server.baseUrl() + "/admin/api/v1/tenants");
        HttpResponse<String> basic = Http.plain().get(server.baseUrl() + "/admin/api/v1/tenants",
                "Authorization", Http.basic("admin", TestServer.ADMIN_PASSWORD));
        HttpResponse<String> basicChange = server.admin().call("PATCH", "/tenants/default/settings",
                Map.of("defaultLanguage", "en-US"));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basicChange.statusCode()).isEqualTo(200);
    }

    @Test
    void adminApiWhenUnknownCookieThen401WithoutBasicChallenge() {
        HttpResponse<String> response = Http.plain().get(server.baseUrl() + "/admin/api/v1/tenants",
                "Cookie", "frontdesk-console=00000000-0000-0000-0000-000000000000");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void currentSessionWhenSignedInThenSameCsrfTokenElse401() {
        ConsoleClient console = signedIn();

        HttpResponse<String> current = console.session();
        HttpResponse<String> anonymous = new ConsoleClient(server.baseUrl()).session();

        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(ConsoleClient.json(current).get("csrfToken").asString()).isEqualTo(console.csrf);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void signOutWhenCsrfMissingThen403AndSessionLives() {
        ConsoleClient console = signedIn();

        HttpResponse<String> response = console.signOut();

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(console.admin("GET", "/tenants", null).statusCode()).isEqualTo(200);
    }

    @Test
    void signOutWhenCsrfRightThenCookieClearedAndRefusedAfterwards() {
        ConsoleClient console = signedIn();

        HttpResponse<String> response = console.signOut("X-CSRF-Token", console.csrf);

        assertThat(response.statusCode()).isEqualTo(204);
        String cleared = ConsoleClient.setCookieHeader(response, "frontdesk-console").orElseThrow();
        assertThat(cleared).startsWith("frontdesk-console=;").contains("Expires=Thu, 01 Jan 1970");
        HttpResponse<String> after = console.admin("GET", "/tenants", null);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(console.change("PATCH", "/tenants/default/settings", Map.of("broadcastMessage", "late"))
                .statusCode()).isEqualTo(401);
        assertThat(console.session().statusCode()).isEqualTo(401);
    }
}
