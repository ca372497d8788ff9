package dev.frontdesk.server.iservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(OpenApiContract.class)
class IServiceLoginTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.admin().ok("POST", "/tenants/default/accounts", Map.of("username", "carol", "password",
                "correct horse battery", "type", "customer", "email", "carol@example.com", "firstName", "Carol",
                "lastName", "Jones", "accessRights", List.of("portal.history"), "segments", List.of("10", "12")));
        server.admin().createAgent("alice", "agent password 1");
        server.admin().patchSettings("default", Map.of("broadcastMessage", "<b>Maintenance at 6</b>",
                "spamPolicyUrl", "https://example.com/spam", "maxSessionsPerAccount", 100));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private IServiceClient client() {
        return new IServiceClient(server);
    }

    @Test
    void loginWhenFormEncodedWithIServiceFieldNamesThenLoggedInWithCookie() {
        IServiceClient client = client();
        var result = client.form("login", "emailAddress", "carol@example.com", "Password", "correct horse battery");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.isLoggedIn()).isTrue();
        assertThat(result.errors()).isEmpty();
        assertThat(result.sessionId()).get().asString().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(client.form("loggedin").isLoggedIn()).isTrue();
    }

    @Test
    void loginWhenJsonBodyWithUsernameThenLoggedIn() {
        var result = client().json("login", Map.of("username", "carol", "password", "correct horse battery"));

        assertThat(result.isLoggedIn()).isTrue();
        assertThat(result.loggedIn().get("contactName").asString()).isEqualTo("Carol Jones");
    }

    @Test
    void loginWhenApiAndFieldNamesInOtherCaseThenAccepted() {
        var result = client().form("LogIn", "USERNAME", "carol", "PASSWORD", "correct horse battery");

        assertThat(result.isLoggedIn()).isTrue();
    }

    @Test
    void loginWhenAgentThenLoggedInToo() {
        var result = client().form("login", "userName", "alice", "password", "agent password 1");

        assertThat(result.isLoggedIn()).isTrue();
        assertThat(result.loggedIn().get("logins").get(0).get("name").asString()).isEqualTo("alice");
        assertThat(result.loggedIn().get("logins").get(0).get("type").asString()).isEmpty();
    }

    @Test
    void loginWhenCookieSetThenHttpOnlySameSiteLaxPathRootAndNotSecureOverPlainHttp() {
        String cookie = client().form("login", "emailAddress", "carol", "password", "correct horse battery")
                .setCookie().orElseThrow();

        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/").doesNotContainIgnoringCase("Secure").doesNotContainIgnoringCase("Domain");
    }

    @Test
    void loginWhenWrongPasswordOrUnknownUserThenSameGenericAnswerAndNoCookie() {
        var wrongPassword = client().form("login", "emailAddress", "carol@example.com", "password", "wrong password!");
        var unknownUser = client().form("login", "emailAddress", "nobody@example.com", "password", "wrong password!");
        var emptyPassword = client().form("login", "emailAddress", "carol@example.com", "password", "");

        assertThat(wrongPassword.status()).isEqualTo(200);
        assertThat(wrongPassword.isLoggedIn()).isFalse();
        assertThat(wrongPassword.errors()).hasSize(1);
        assertThat(unknownUser.response().body()).isEqualTo(wrongPassword.response().body());
        assertThat(emptyPassword.response().body()).isEqualTo(wrongPassword.response().body());
        assertThat(unknownUser.status()).isEqualTo(wrongPassword.status());
        assertThat(wrongPassword.setCookie()).isEmpty();
        assertThat(unknownUser.setCookie()).isEmpty();
    }

    @Test
    void loggedInWhenLoggedInThenAllSixteenFieldsWithTheirTypes() {
        IServiceClient client = client();
        client.form("login", "emailAddress", "carol", "password", "correct horse battery");

        JsonNode loggedIn = client.form("loggedin").loggedIn();

        assertThat(loggedIn.propertyNames()).containsExactlyInAnyOrder("accessRights", "accessibleSegments",
                "alsoUseDefaultCSS", "broadcastMessage", "chats", "contactID", "contactName", "isAvailable",
                "isLoggedIn", "isPasswordResetConfigured", "logins", "numChats", "registrationFormID",
                "spamPolicyUrl", "styleSheet", "tenantID");
        assertThat(loggedIn.get("accessRights").isArray()).isTrue();
        assertThat(loggedIn.get("accessRights").get(0).asString()).isEqualTo("portal.history");
        assertThat(loggedIn.get("accessibleSegments").isArray()).isTrue();
        assertThat(loggedIn.get("accessibleSegments").get(1).asString()).isEqualTo("12");
        assertThat(loggedIn.get("alsoUseDefaultCSS").isBoolean()).isTrue();
        assertThat(loggedIn.get("broadcastMessage").asString()).isEqualTo("<b>Maintenance at 6</b>");
        assertThat(loggedIn.get("chats").isArray()).isTrue();
        assertThat(loggedIn.get("contactID").isString()).isTrue();
        assertThat(loggedIn.get("contactID").asString()).isNotEmpty();
        assertThat(loggedIn.get("contactName").asString()).isEqualTo("Carol Jones");
        assertThat(loggedIn.get("isAvailable").isBoolean()).isTrue();
        assertThat(loggedIn.get("isLoggedIn").asBoolean()).isTrue();
        assertThat(loggedIn.get("isPasswordResetConfigured").isBoolean()).isTrue();
        assertThat(loggedIn.get("numChats").isNumber()).isTrue();
        assertThat(loggedIn.get("registrationFormID").isString()).isTrue();
        assertThat(loggedIn.get("spamPolicyUrl").asString()).isEqualTo("https://example.com/spam");
        assertThat(loggedIn.get("styleSheet").isString()).isTrue();
        assertThat(loggedIn.get("tenantID").asString()).isEqualTo("default");
        JsonNode logins = loggedIn.get("logins");
        assertThat(logins.size()).isEqualTo(2);
        assertThat(logins.get(0).get("name").asString()).isEqualTo("carol");
        assertThat(logins.get(0).get("type").asString()).isEmpty();
        assertThat(logins.get(1).get("name").asString()).isEqualTo("carol@example.com");
        assertThat(logins.get(1).get("type").asString()).isEqualTo("Email");
    }

    @Test
    void loggedInWhenNoSessionThenNotLoggedInAndFieldsEmpty() {
        JsonNode loggedIn = client().form("loggedin").loggedIn();

        assertThat(loggedIn.get("isLoggedIn").asBoolean()).isFalse();
        assertThat(loggedIn.get("contactID").asString()).isEmpty();
        assertThat(loggedIn.get("contactName").asString()).isEmpty();
        assertThat(loggedIn.get("tenantID").asString()).isEmpty();
        assertThat(loggedIn.get("broadcastMessage").asString()).isEmpty();
        assertThat(loggedIn.get("accessRights").size()).isZero();
        assertThat(loggedIn.get("logins").size()).isZero();
        assertThat(loggedIn.propertyNames()).hasSize(16);
    }

    @Test
    void loginWhenSessionCookieSentThenFreshIdAndOldSessionEnded() {
        IServiceClient client = client();
        String first = client.form("login", "emailAddress", "carol", "password", "correct horse battery")
                .sessionId().orElseThrow();

        String second = client.form("login", "emailAddress", "carol", "password", "correct horse battery")
                .sessionId().orElseThrow();

        assertThat(second).isNotEqualTo(first);
        Http plain = Http.plain();
        var withOld = new IServiceClient.Result(plain.post(IServiceClient.url(server.baseUrl(), "loggedin"),
                null, "", "Cookie", IServiceClient.COOKIE + "=" + first));
        var withNew = new IServiceClient.Result(plain.post(IServiceClient.url(server.baseUrl(), "loggedin"),
                null, "", "Cookie", IServiceClient.COOKIE + "=" + second));
        assertThat(withOld.isLoggedIn()).isFalse();
        assertThat(withNew.isLoggedIn()).isTrue();
    }

    @Test
    void loginWhenAttackerChosenCookieSentThenItIsNotAdopted() {
        String planted = "11111111-2222-3333-4444-555555555555";
        var result = new IServiceClient.Result(Http.plain().post(IServiceClient.url(server.baseUrl(), "login"),
                "application/x-www-form-urlencoded",
                IServiceClient.formBody("emailAddress", "carol", "password", "correct horse battery"),
                "Cookie", IServiceClient.COOKIE + "=" + planted));

        assertThat(result.isLoggedIn()).isTrue();
        assertThat(result.sessionId()).get().isNotEqualTo(planted);
        var withPlanted = new IServiceClient.Result(Http.plain().post(IServiceClient.url(server.baseUrl(), "loggedin"),
                null, "", "Cookie", IServiceClient.COOKIE + "=" + planted));
        assertThat(withPlanted.isLoggedIn()).isFalse();
    }

    @Test
    void logoutWhenLoggedInThenSessionEndsAndCookieExpires() {
        IServiceClient client = client();
        String id = client.form("login", "emailAddress", "carol", "password", "correct horse battery")
                .sessionId().orElseThrow();

        var result = client.raw("POST", "logout", null, null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.isLoggedIn()).isFalse();
        assertThat(result.setCookie()).get().asString().startsWith(IServiceClient.COOKIE + "=;").contains("1970");
        assertThat(client.form("loggedin").isLoggedIn()).isFalse();
        var withOld = new IServiceClient.Result(Http.plain().post(IServiceClient.url(server.baseUrl(), "loggedin"),
                null, "", "Cookie", IServiceClient.COOKIE + "=" + id));
        assertThat(withOld.isLoggedIn()).isFalse();
    }

    @Test
    void loginWhenAtSessionCapThenErrorSaysSoAndForceEndsOldest() {
        server.admin().createCustomer("capped", "capped password 1");
        server.admin().patchSettings("default", Map.of("maxSessionsPerAccount", 2));
        try {
            IServiceClient oldest = client();
            oldest.form("login", "username", "capped", "password", "capped password 1");
            client().form("login", "username", "capped", "password", "capped password 1");

            var refused = client().form("login", "username", "capped", "password", "capped password 1");
            var forced = client().form("login", "username", "capped", "password", "capped password 1", "force", "true");

            assertThat(refused.isLoggedIn()).isFalse();
            assertThat(refused.errors()).singleElement().asString().contains("maximum of 2 sessions")
                    .contains("force=true");
            assertThat(refused.setCookie()).isEmpty();
            assertThat(forced.isLoggedIn()).isTrue();
            assertThat(oldest.form("loggedin").isLoggedIn()).isFalse();
        } finally {
            server.admin().patchSettings("default", Map.of("maxSessionsPerAccount", 100));
        }
    }

    @Test
    void loginWhenSessionOpenedThenAdminSeesItOnTheIServiceChannel() {
        server.admin().createCustomer("dave", "dave password 1");
        client().form("login", "username", "dave", "password", "dave password 1");

        JsonNode sessions = server.admin().sessions("default", "dave");

        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.get(0).get("channel").asString()).isEqualTo("iservice");
    }

    @Test
    void requestWhenMethodIsNotPostThenMethodNotAllowed() {
        var get = client().raw("GET", "loggedin", null, null);
        var put = client().raw("PUT", "login", "application/json", "{}");

        assertThat(get.status()).isEqualTo(405);
        assertThat(get.response().headers().firstValue("allow")).hasValue("POST");
        assertThat(get.errors()).hasSize(1);
        assertThat(put.status()).isEqualTo(405);
    }

    @Test
    void requestWhenApiUnknownOrMissingThenBadRequest() {
        var unknown = client().form("dance");
        var missing = new IServiceClient.Result(Http.plain().post(server.baseUrl() + "/f/webapp-api-login",
                "application/x-www-form-urlencoded", ""));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errors()).singleElement().asString().contains("unknown api");
        assertThat(unknown.loggedIn().get("isLoggedIn").asBoolean()).isFalse();
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void requestWhenBodyMalformedThenBadRequestInIServiceShape() {
        var badJson = client().json("login", "{\"username\": \"carol\", ");
        var notObject = client().json("login", "[1,2]");
        var badForm = client().raw("POST", "login", "application/x-www-form-urlencoded", "username=%zz");

        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.errors()).hasSize(1);
        assertThat(badJson.body().has("loggedIn")).isTrue();
        assertThat(notObject.status()).isEqualTo(400);
        assertThat(badForm.status()).isEqualTo(400);
    }

    @Test
    void requestWhenContentTypeUnsupportedThenUnsupportedMediaType() {
        var xml = client().raw("POST", "login", "application/xml", "<login/>");

        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.errors()).hasSize(1);
    }

    @Test
    void requestWhenBrowserSendsForeignOriginThenForbidden() {
        var foreign = client().raw("POST", "login", "application/x-www-form-urlencoded",
                IServiceClient.formBody("username", "carol", "password", "correct horse battery"),
                "Origin", "https://evil.example.net");
        var own = client().raw("POST", "login", "application/x-www-form-urlencoded",
                IServiceClient.formBody("username", "carol", "password", "correct horse battery"),
                "Origin", server.baseUrl());

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.setCookie()).isEmpty();
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.isLoggedIn()).isTrue();
    }
}
