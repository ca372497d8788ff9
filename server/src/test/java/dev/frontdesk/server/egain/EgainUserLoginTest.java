package dev.frontdesk.server.egain;

import static dev.frontdesk.server.egain.EgainCalls.PASSWORD;
import static dev.frontdesk.server.egain.EgainCalls.V12_LOGIN;
import static dev.frontdesk.server.egain.EgainCalls.V12_NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Issue 3, point 1: {@code POST /ws/v12/authentication/user/login} for agents. */
@ExtendWith(OpenApiContract.class)
class EgainUserLoginTest {
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static TestServer server;
    private static EgainCalls calls;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        calls = new EgainCalls(server);
        server.admin().createAgent("kbagent1", "egain123");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String seed(String name) {
        try (InputStream in = EgainUserLoginTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void seed002Example1WhenSentByteForByteThen204WithSessionAndNoBody() {
        HttpResponse<String> response = calls.post(V12_LOGIN, "application/xml", seed("seed002-example1-request.xml"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-egain-session")).hasValueSatisfying(id -> assertThat(id).matches(GUID));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void seed002Example2WhenSentWithForceLoginThen204() {
        HttpResponse<String> response = calls.post(V12_LOGIN + "?forceLogin=yes", "application/xml",
                seed("seed002-example2-request.xml"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-egain-session")).hasValueSatisfying(id -> assertThat(id).matches(GUID));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void seed002Example3WhenUnknownUserThen401WithTheDocumentedBodyByteForByte() {
        HttpResponse<String> response = calls.post(V12_LOGIN, "application/xml", seed("seed002-example3-request.xml"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(response.headers().firstValue("X-egain-session")).isEmpty();
        assertThat(response.body()).isEqualTo(seed("seed002-example3-response.xml"));
    }

    @Test
    void seed002Example4WhenJsonSentByteForByteThen204WithJsonContentType() {
        HttpResponse<String> response = calls.post(V12_LOGIN, "application/json", seed("seed002-example4-request.json"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-egain-session")).hasValueSatisfying(id -> assertThat(id).matches(GUID));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void loginWhenWrongPasswordThenSameMessageAsForUnknownUser() {
        String user = calls.agent();

        HttpResponse<String> wrong = calls.post(V12_LOGIN, "application/xml",
                EgainCalls.xml("Login", V12_NS, user, "not-the-password"));
        HttpResponse<String> unknown = calls.post(V12_LOGIN, "application/xml",
                EgainCalls.xml("Login", V12_NS, user + "x", "not-the-password"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(EgainCalls.xmlError("error", V12_NS,
                "User credentials could not be authenticated. Username : " + user));
        assertThat(unknown.body()).isEqualTo(wrong.body().replace(user + "<", user + "x<"));
    }

    @Test
    void loginWhenJsonAndBadCredentialsThen401JsonMessage() {
        HttpResponse<String> response = calls.v12LoginJson("nobody-here", "Wrong-password-1");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(
                "{\"message\":\"User credentials could not be authenticated. Username : nobody-here\"}");
    }

    @Test
    void loginWhenUserNameHasMarkupThenItIsEscapedInTheXmlError() {
        HttpResponse<String> response = calls.post(V12_LOGIN, "application/xml",
                EgainCalls.xml("Login", V12_NS, "a&amp;b&lt;/message&gt;\"'", "Wrong-password-1"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains(
                "<message>User credentials could not be authenticated. Username : a&amp;b&lt;/message&gt;&quot;&apos;</message>");
    }

    @Test
    void loginWhenUserNameHasQuotesThenJsonErrorIsValidJson() {
        HttpResponse<String> response = calls.post(V12_LOGIN, "application/json",
                "{\"userName\":\"a\\\"b</x>\",\"password\":\"Wrong-password-1\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("message").asString()).endsWith("Username : a\"b</x>");
    }

    @Test
    void loginWhenAcceptJsonThenErrorIsJsonEvenForXmlRequest() {
        HttpResponse<String> response = calls.post(V12_LOGIN, "application/xml",
                EgainCalls.xml("Login", V12_NS, "nobody-here", "Wrong-password-1"), "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(Json.MAPPER.readTree(response.body()).get("message").asString()).startsWith("User credentials");
    }

    @Test
    void loginWhenAcceptXmlThenErrorIsXmlEvenForJsonRequest() {
        HttpResponse<String> response = calls.v12LoginJson("nobody-here", "Wrong-password-1", "Accept",
                "text/html, application/xml;q=0.9, application/json;q=0.5");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(response.body()).startsWith("<?xml").contains("<error xmlns=\"" + V12_NS + "\">");
    }

    @Test
    void loginWhenAcceptJsonThenSuccessContentTypeIsJson() {
        String user = calls.agent();

        HttpResponse<String> response = calls.post(V12_LOGIN, "application/xml",
                EgainCalls.xml("Login", V12_NS, user, PASSWORD), "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void loginWhenLowerCaseRootUsernameElementAndNoNamespaceThen204() {
        String user = calls.agent();
        String body = "<login><username>" + user + "</username><password>" + PASSWORD + "</password></login>";

        HttpResponse<String> response = calls.post(V12_LOGIN, "text/xml; charset=UTF-8", body);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-egain-session")).isPresent();
    }

    @Test
    void loginWhenPrefixedNamespaceAndUnknownElementsThen204() {
        String user = calls.agent();
        String body = "<p:login xmlns:p=\"" + V12_NS + "\"><p:userName>" + user + "</p:userName><p:extra>x</p:extra>"
                + "<p:password><![CDATA[" + PASSWORD + "]]></p:password></p:login>";

        HttpResponse<String> response = calls.post(V12_LOGIN, "application/xml", body);

        assertThat(response.statusCode()).isEqualTo(204);
    }

    @Test
    void loginWhenJsonUsesLowerCaseUsernameThen204() {
        String user = calls.agent();

        HttpResponse<String> response = calls.post(V12_LOGIN, "application/json",
                "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");

        assertThat(response.statusCode()).isEqualTo(204);
    }

    @Test
    void loginWhenOtherNamespaceOrRootThen400() {
        String user = calls.agent();

        HttpResponse<String> v15Namespace = calls.post(V12_LOGIN, "application/xml",
                EgainCalls.xml("Login", EgainCalls.V15_NS, user, PASSWORD));
        HttpResponse<String> otherRoot = calls.post(V12_LOGIN, "application/xml",
                EgainCalls.xml("credentials", V12_NS, user, PASSWORD));

        assertThat(v15Namespace.statusCode()).isEqualTo(400);
        assertThat(otherRoot.statusCode()).isEqualTo(400);
        assertThat(otherRoot.body()).contains("<message>The root element of the request body must be login in namespace "
                + V12_NS + ".</message>");
    }

    @Test
    void loginWhenCustomerAccountThen401() {
        String customer = calls.customer();

        HttpResponse<String> response = calls.v12LoginJson(customer, PASSWORD);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Username : " + customer);
    }

    @Test
    void loginWhenUserNameOrPasswordMissingOrBlankThen400WithDocumentedReason() {
        HttpResponse<String> noUser = calls.post(V12_LOGIN, "application/json", "{\"password\":\"" + PASSWORD + "\"}");
        HttpResponse<String> blankUser = calls.v12LoginJson("  ", PASSWORD);
        HttpResponse<String> noPassword = calls.post(V12_LOGIN, "application/xml",
                "<Login xmlns=\"" + V12_NS + "\"><userName>someone</userName></Login>");
        HttpResponse<String> emptyPassword = calls.v12LoginJson("someone", "");

        assertThat(noUser.statusCode()).isEqualTo(400);
        assertThat(noUser.body()).isEqualTo("{\"message\":\"User name not present in request body.\"}");
        assertThat(blankUser.statusCode()).isEqualTo(400);
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(noPassword.body()).isEqualTo(EgainCalls.xmlError("error", V12_NS,
                "Password not present in request body."));
        assertThat(emptyPassword.statusCode()).isEqualTo(400);
    }

    @Test
    void loginWhenBodyEmptyThen400() {
        HttpResponse<String> xml = calls.post(V12_LOGIN, "application/xml", "");
        HttpResponse<String> json = calls.post(V12_LOGIN, "application/json", "  \n");
        HttpResponse<String> none = calls.post(V12_LOGIN, null, "");

        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(xml.body()).contains("<message>The request body is mandatory.</message>");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).isEqualTo("{\"message\":\"The request body is mandatory.\"}");
        assertThat(none.statusCode()).isEqualTo(400);
    }

    @Test
    void loginWhenUnsupportedContentTypeThen415InEgainShape() {
        HttpResponse<String> form = calls.post(V12_LOGIN, "application/x-www-form-urlencoded",
                "userName=a&password=b");
        HttpResponse<String> multipart = calls.post(V12_LOGIN, "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"userName\"\r\n\r\na\r\n--x--\r\n");
        HttpResponse<String> missing = calls.post(V12_LOGIN, null, "{\"userName\":\"a\",\"password\":\"b\"}");

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.body()).isEqualTo(EgainCalls.xmlError("error", V12_NS,
                "The Content-Type of the request is not supported. Use one of: application/xml, application/json."));
        assertThat(multipart.statusCode()).isEqualTo(415);
        assertThat(missing.statusCode()).isEqualTo(415);
    }

    @Test
    void loginWhenForceLoginHasAnotherValueThen400() {
        String user = calls.agent();

        HttpResponse<String> no = calls.post(V12_LOGIN + "?forceLogin=no", "application/json",
                EgainCalls.json(user, PASSWORD));
        HttpResponse<String> empty = calls.post(V12_LOGIN + "?forceLogin=", "application/json",
                EgainCalls.json(user, PASSWORD));
        HttpResponse<String> upper = calls.post(V12_LOGIN + "?forceLogin=YES", "application/json",
                EgainCalls.json(user, PASSWORD));

        assertThat(no.statusCode()).isEqualTo(400);
        assertThat(no.body()).isEqualTo(
                "{\"message\":\"Invalid value of query parameter forceLogin. The only possible value is \\\"yes\\\".\"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(upper.statusCode()).isEqualTo(204);
    }

    @Test
    void loginWhenAtTheCapThen403NamingTheLimitAndForceLogin() {
        String user = calls.agent();
        for (int i = 0; i < 5; i++) {
            calls.v12Session(user);
        }

        HttpResponse<String> sixth = calls.v12LoginJson(user, PASSWORD);

        assertThat(sixth.statusCode()).isEqualTo(403);
        assertThat(sixth.body()).isEqualTo("{\"message\":\"The user already has 5 active sessions, the maximum allowed. "
                + "Send the query parameter forceLogin=yes to end the earliest session and create a new one.\"}");
        assertThat(server.admin().sessions("default", user).size()).isEqualTo(5);
    }

    @Test
    void loginWhenAtTheCapWithForceLoginThenEarliestSessionEndsAndNewOneWorks() {
        String user = calls.agent();
        String earliest = calls.v12Session(user);
        for (int i = 0; i < 4; i++) {
            calls.v12Session(user);
        }

        HttpResponse<String> refused = calls.v12LoginJson(user, PASSWORD);
        HttpResponse<String> forced = calls.post(V12_LOGIN + "?forceLogin=yes", "application/json",
                EgainCalls.json(user, PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(forced.statusCode()).isEqualTo(204);
        String newest = forced.headers().firstValue("X-egain-session").orElseThrow();
        assertThat(server.admin().sessions("default", user).size()).isEqualTo(5);
        assertThat(calls.send("DELETE", EgainCalls.V12_LOGOUT, "X-egain-session", earliest).statusCode()).isEqualTo(401);
        assertThat(calls.send("DELETE", EgainCalls.V12_LOGOUT, "X-egain-session", newest).statusCode()).isEqualTo(204);
    }

    @Test
    void loginWhenCapChangedThroughAdminThenMessageNamesThatLimit() {
        server.admin().patchSettings("default", Map.of("maxSessionsPerAccount", 2));
        try {
            String user = calls.agent();
            calls.v12Session(user);
            calls.v12Session(user);

            HttpResponse<String> third = calls.post(V12_LOGIN, "application/xml",
                    EgainCalls.xml("Login", V12_NS, user, PASSWORD));

            assertThat(third.statusCode()).isEqualTo(403);
            assertThat(third.body()).contains("<message>The user already has 2 active sessions");
        } finally {
            server.admin().patchSettings("default", Map.of("maxSessionsPerAccount", 5));
        }
    }

    @Test
    void loginUnderSystemContextRootThenSameBehaviour() {
        String user = calls.agent();

        HttpResponse<String> ok = calls.post("/system" + V12_LOGIN + "?forceLogin=yes", "application/xml",
                EgainCalls.xml("Login", V12_NS, user, PASSWORD));
        HttpResponse<String> bad = calls.post("/system" + V12_LOGIN, "application/xml",
                seed("seed002-example3-request.xml"));

        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(ok.headers().firstValue("X-egain-session")).hasValueSatisfying(id -> assertThat(id).matches(GUID));
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).isEqualTo(seed("seed002-example3-response.xml"));
    }

    @Test
    void loginSessionIsRecordedOnTheEgainV12Channel() {
        String user = calls.agent();
        calls.v12Session(user);

        JsonNode sessions = server.admin().sessions("default", user);

        assertThat(sessions.get(0).get("channel").asString()).isEqualTo("egain-v12");
    }

    @Test
    void loginWhenOtherMethodThen405WithAllow() {
        HttpResponse<String> response = calls.send("GET", V12_LOGIN);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
        assertThat(response.body()).contains("<error xmlns=\"" + V12_NS + "\">");
    }
}
