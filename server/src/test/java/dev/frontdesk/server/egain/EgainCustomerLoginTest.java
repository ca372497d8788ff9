package dev.frontdesk.server.egain;

import static dev.frontdesk.server.egain.EgainCalls.PASSWORD;
import static dev.frontdesk.server.egain.EgainCalls.V15_LOGIN;
import static dev.frontdesk.server.egain.EgainCalls.V15_LOGOUT;
import static dev.frontdesk.server.egain.EgainCalls.V15_NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 3, points 3 and 4: v15 customer login and logout. */
@ExtendWith(OpenApiContract.class)
class EgainCustomerLoginTest {
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String INVALID_SESSION = EgainCalls.xmlError("Error", V15_NS,
            "User could not be authenticated. Invalid session ID.");
    private static final String LOGGED_OUT_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<logout xmlns=\"" + V15_NS + "\"><spAuthenticationEnabled>false</spAuthenticationEnabled></logout>";

    private static TestServer server;
    private static EgainCalls calls;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        calls = new EgainCalls(server);
        server.admin().createCustomer("customer1", "Larch-meadow-42");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Seed 001, example 1 ("Login a customer"), in the documented XML form of the v15 namespace. */
    @Test
    void seed001Example1WhenCustomerLogsInWithXmlThen204WithSession() {
        String body = "<login xmlns=\"" + V15_NS + "\"><userName>customer1</userName>"
                + "<password>Larch-meadow-42</password></login>";

        HttpResponse<String> response = calls.post(V15_LOGIN, "application/xml", body, "Accept", "application/xml");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-egain-session")).hasValueSatisfying(id -> assertThat(id).matches(GUID));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(response.body()).isEmpty();
    }

    /** Seed 001, example 2 ("with forceLogin query parameter"). */
    @Test
    void seed001Example2WhenForceLoginYesThen204() {
        HttpResponse<String> response = calls.post(V15_LOGIN + "?forceLogin=yes", "application/json",
                "{\"userName\": \"customer1\", \"password\": \"Larch-meadow-42\"}");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-egain-session")).hasValueSatisfying(id -> assertThat(id).matches(GUID));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void loginWhenMultipartFormDataThen204() {
        String user = calls.customer();
        String body = "--------------------------d74496d66958873e\r\n"
                + "Content-Disposition: form-data; name=\"userName\"\r\n\r\n" + user + "\r\n"
                + "--------------------------d74496d66958873e\r\n"
                + "Content-Disposition: form-data; name=\"password\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + PASSWORD + "\r\n"
                + "--------------------------d74496d66958873e--\r\n";

        HttpResponse<String> response = calls.post(V15_LOGIN,
                "multipart/form-data; boundary=------------------------d74496d66958873e", body);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-egain-session")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
    }

    @Test
    void loginWhenMultipartWithQuotedBoundaryPreambleAndUnicodeUnderSystemRootThen204() {
        String user = calls.customer();
        String password = "Ünïcode-pässword-9";
        server.admin().createCustomer(user + "u", password);
        String body = "preamble to ignore\r\n--ab:c\r\n"
                + "Content-Disposition: form-data; name=userName\r\n\r\n" + user + "u\r\n--ab:c\r\n"
                + "content-disposition: form-data; name=\"password\"\r\n\r\n" + password + "\r\n--ab:c--\r\nepilogue";

        HttpResponse<String> response = calls.postBytes("/system" + V15_LOGIN,
                "multipart/form-data; boundary=\"ab:c\"", body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void loginWhenMultipartMissesPasswordThen400() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"userName\"\r\n\r\nsomeone\r\n--b--\r\n";

        HttpResponse<String> response = calls.post(V15_LOGIN, "multipart/form-data; boundary=b", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(EgainCalls.xmlError("error", V15_NS,
                "Password not present in request body."));
    }

    @Test
    void loginWhenAgentAccountThen401InV15Namespace() {
        String agent = calls.agent();

        HttpResponse<String> response = calls.post(V15_LOGIN, "application/xml",
                EgainCalls.xml("login", V15_NS, agent, PASSWORD));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(EgainCalls.xmlError("error", V15_NS,
                "User credentials could not be authenticated. Username : " + agent));
    }

    @Test
    void loginWhenV12NamespaceThen400() {
        String user = calls.customer();

        HttpResponse<String> response = calls.post(V15_LOGIN, "application/xml",
                EgainCalls.xml("login", EgainCalls.V12_NS, user, PASSWORD));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void loginWhenUnsupportedContentTypeThen415ListingMultipart() {
        HttpResponse<String> response = calls.post(V15_LOGIN, "text/plain", "userName=a", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).isEqualTo("{\"message\":\"The Content-Type of the request is not supported. "
                + "Use one of: application/xml, application/json, multipart/form-data.\"}");
    }

    @Test
    void loginWhenAtTheCapThen403AndForceLoginEndsTheEarliest() {
        String user = calls.customer();
        String earliest = calls.v15Session(user);
        for (int i = 0; i < 4; i++) {
            calls.v15Session(user);
        }

        HttpResponse<String> refused = calls.v15LoginJson(user, PASSWORD);
        HttpResponse<String> forced = calls.post(V15_LOGIN + "?forceLogin=Yes", "application/json",
                EgainCalls.json(user, PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("The user already has 5 active sessions", "forceLogin=yes");
        assertThat(forced.statusCode()).isEqualTo(204);
        assertThat(server.admin().sessions("default", user).size()).isEqualTo(5);
        assertThat(calls.send("POST", V15_LOGOUT, "X-egain-session", earliest).statusCode()).isEqualTo(401);
    }

    @Test
    void loginWhenForceLoginInvalidThen400() {
        HttpResponse<String> response = calls.post(V15_LOGIN + "?forceLogin=true", "application/json",
                EgainCalls.json(calls.customer(), PASSWORD));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("forceLogin");
    }

    @Test
    void loginWhenAllCustomerLicensesAreInUseThen403WithDistinctMessage() {
        try (TestServer licensed = TestServer.start()) {
            EgainCalls own = new EgainCalls(licensed);
            licensed.admin().patchSettings("default", Map.of("customerSessionLicenses", 1));
            String first = own.customer();
            String second = own.customer();
            own.v15Session(first);

            HttpResponse<String> refused = own.v15LoginJson(second, PASSWORD);
            HttpResponse<String> forced = own.post(V15_LOGIN + "?forceLogin=yes", "application/json",
                    EgainCalls.json(second, PASSWORD));
            HttpResponse<String> agent = own.post(EgainCalls.V12_LOGIN, "application/json",
                    EgainCalls.json(own.agent(), PASSWORD));

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).isEqualTo("{\"message\":\"No license is available for a new customer session: "
                    + "all customer session licenses are in use.\"}");
            assertThat(forced.statusCode()).isEqualTo(403);
            assertThat(agent.statusCode()).isEqualTo(204);
        }
    }

    @Test
    void loginSessionIsRecordedOnTheEgainV15Channel() {
        String user = calls.customer();
        calls.v15Session(user);

        assertThat(server.admin().sessions("default", user).get(0).get("channel").asString()).isEqualTo("egain-v15");
    }

    @Test
    void logoutWhenSessionLiveThen200XmlBodyAndSessionEnded() {
        String user = calls.customer();
        String session = calls.v15Session(user);

        HttpResponse<String> response = calls.send("POST", V15_LOGOUT, "X-egain-session", session);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(response.body()).isEqualTo(LOGGED_OUT_XML);
        assertThat(server.admin().sessions("default", user).size()).isZero();
        assertThat(calls.send("POST", V15_LOGOUT, "X-egain-session", session).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutWhenAcceptJsonThen200JsonBody() {
        String session = calls.v15Session(calls.customer());

        HttpResponse<String> response = calls.send("POST", "/system" + V15_LOGOUT, "X-egain-session", session,
                "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"spAuthenticationEnabled\":false}");
    }

    @Test
    void logoutWhenQueryParameterSentThen400AndSessionStaysLive() {
        String user = calls.customer();
        String session = calls.v15Session(user);

        HttpResponse<String> response = calls.send("POST", V15_LOGOUT + "?forceLogin=yes", "X-egain-session", session);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(EgainCalls.xmlError("Error", V15_NS,
                "Query parameters are not allowed for this request."));
        assertThat(server.admin().sessions("default", user).size()).isEqualTo(1);
    }

    @Test
    void logoutWhenBodySentThen400() {
        String session = calls.v15Session(calls.customer());

        HttpResponse<String> response = calls.post(V15_LOGOUT, "application/json", "{}", "X-egain-session", session,
                "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"A request body is not allowed for this request.\"}");
    }

    @Test
    void logoutWhenHeaderMissingOrUnknownThen401() {
        HttpResponse<String> missing = calls.send("POST", V15_LOGOUT);
        HttpResponse<String> unknown = calls.send("POST", V15_LOGOUT, "X-egain-session", "no-such-session");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo(INVALID_SESSION);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(INVALID_SESSION);
    }

    @Test
    void logoutWhenSessionIsAnAgentSessionThen401AndItStaysLive() {
        String agent = calls.agent();
        String session = calls.v12Session(agent);

        HttpResponse<String> response = calls.send("POST", V15_LOGOUT, "X-egain-session", session);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(server.admin().sessions("default", agent).size()).isEqualTo(1);
    }
}
