package dev.frontdesk.server.egain;

import static dev.frontdesk.server.egain.EgainCalls.V12_LOGOUT;
import static dev.frontdesk.server.egain.EgainCalls.V12_NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 3, point 2: {@code DELETE /ws/v12/authentication/user/logout}. */
@ExtendWith(OpenApiContract.class)
class EgainUserLogoutTest {
    private static final String INVALID_SESSION = EgainCalls.xmlError("Error", V12_NS,
            "User could not be authenticated. Invalid session ID.");

    private static TestServer server;
    private static EgainCalls calls;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        calls = new EgainCalls(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void logoutWhenSessionLiveThen204WithHeaderEchoedAndSessionEnded() {
        String user = calls.agent();
        String session = calls.v12Session(user);

        HttpResponse<String> response = calls.send("DELETE", V12_LOGOUT, "X-egain-session", session);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-egain-session")).hasValue(session);
        assertThat(response.body()).isEmpty();
        assertThat(server.admin().sessions("default", user).size()).isZero();
    }

    @Test
    void logoutWhenHeaderNameInAnotherCaseThen204() {
        String session = calls.v12Session(calls.agent());

        HttpResponse<String> response = calls.send("DELETE", V12_LOGOUT, "x-EGAIN-session", session);

        assertThat(response.statusCode()).isEqualTo(204);
    }

    @Test
    void logoutWhenHeaderMissingThen401WithDocumentedErrorBody() {
        HttpResponse<String> response = calls.send("DELETE", V12_LOGOUT);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(response.body()).isEqualTo(INVALID_SESSION);
    }

    @Test
    void logoutWhenSessionUnknownThen401() {
        HttpResponse<String> response = calls.send("DELETE", V12_LOGOUT, "X-egain-session",
                "8a2f0c1e-5b6d-4e7f-9a0b-1c2d3e4f5a6b");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(INVALID_SESSION);
    }

    @Test
    void logoutWhenAlreadyEndedThen401() {
        String session = calls.v12Session(calls.agent());
        calls.send("DELETE", V12_LOGOUT, "X-egain-session", session);

        HttpResponse<String> again = calls.send("DELETE", V12_LOGOUT, "X-egain-session", session);

        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.body()).isEqualTo(INVALID_SESSION);
    }

    @Test
    void logoutWhenAcceptJsonThen401JsonMessage() {
        HttpResponse<String> response = calls.send("DELETE", V12_LOGOUT, "X-egain-session", "nope",
                "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"User could not be authenticated. Invalid session ID.\"}");
    }

    @Test
    void logoutWhenSessionIsACustomerSessionThen401AndItStaysLive() {
        String customer = calls.customer();
        String session = calls.v15Session(customer);

        HttpResponse<String> response = calls.send("DELETE", V12_LOGOUT, "X-egain-session", session);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(server.admin().sessions("default", customer).size()).isEqualTo(1);
    }

    @Test
    void logoutUnderSystemContextRootThen204() {
        String session = calls.v12Session(calls.agent());

        HttpResponse<String> response = calls.send("DELETE", "/system" + V12_LOGOUT, "X-egain-session", session);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-egain-session")).hasValue(session);
    }

    @Test
    void logoutWhenAcceptLanguageUnsupportedThen406() {
        String session = calls.v12Session(calls.agent());

        HttpResponse<String> response = calls.send("DELETE", V12_LOGOUT, "X-egain-session", session,
                "Accept-Language", "tlh-KL");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.body()).isEqualTo(EgainCalls.xmlError("Error", V12_NS,
                "Invalid value of Accept-Language header."));
    }

    @Test
    void logoutWhenSessionExpiredThen401() throws InterruptedException {
        server.admin().patchSettings("default", Map.of("agentIdleTimeoutSeconds", 1));
        try {
            String session = calls.v12Session(calls.agent());
            Thread.sleep(1_500);

            HttpResponse<String> response = calls.send("DELETE", V12_LOGOUT, "X-egain-session", session);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(INVALID_SESSION);
        } finally {
            server.admin().patchSettings("default", Map.of("agentIdleTimeoutSeconds", 5400));
        }
    }

    @Test
    void logoutWhenPostInsteadOfDeleteThen405() {
        HttpResponse<String> response = calls.send("POST", V12_LOGOUT);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("DELETE, OPTIONS");
    }
}
