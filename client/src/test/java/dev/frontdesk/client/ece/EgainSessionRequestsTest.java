package dev.frontdesk.client.ece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EgainSessionRequestsTest {
    private FakeEceServer ece;
    private HttpClient http;

    @BeforeEach
    void start() throws IOException {
        ece = FakeEceServer.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        http.close();
        ece.close();
    }

    private EgainSessionRequests requests(NodeRuntimeAuthorization authorization) {
        return new EgainSessionRequests(new EceLoginNode(authorization, http, Clock.systemUTC()), http, "transaction-1");
    }

    private HttpRequest customerRequest() {
        return HttpRequest.newBuilder(URI.create(ece.baseUrl() + FakeEceServer.CUSTOMER_PATH))
                .header("X-egain-session", "stale-from-caller").GET().build();
    }

    @Test
    void withSessionWhenRequestHasOneThenReplacesIt() {
        HttpRequest request = EgainSessionRequests.withSession(customerRequest(), "S-1");

        assertThat(request.headers().allValues("X-egain-session")).containsExactly("S-1");
    }

    @Test
    void sendWhenSessionIsValidThenOneLoginServesManyCalls() throws Exception {
        EgainSessionRequests requests = requests(ece.authorization().build());

        HttpResponse<String> first = requests.send(customerRequest(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = requests.send(customerRequest(), HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(ece.loginRequests()).isEqualTo(1);
    }

    @Test
    void sendWhenSessionEndedThenCreatesNewSessionOnceAndRetries() throws Exception {
        EgainSessionRequests requests = requests(ece.authorization().build());
        requests.send(customerRequest(), HttpResponse.BodyHandlers.ofString());

        ece.endAllSessions();
        HttpResponse<String> response = requests.send(customerRequest(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ece.loginRequests()).isEqualTo(2);
        assertThat(ece.requestsTo(FakeEceServer.CUSTOMER_PATH)).isEqualTo(3);
    }

    @Test
    void sendWhenApiKeepsRefusingThenReturnsSecond401() throws Exception {
        EgainSessionRequests requests = requests(ece.authorization().build());
        ece.refuseEverySession(true);

        HttpResponse<String> response = requests.send(customerRequest(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ece.loginRequests()).isEqualTo(2);
        assertThat(ece.requestsTo(FakeEceServer.CUSTOMER_PATH)).isEqualTo(2);
    }

    @Test
    void sendAsyncWhenRenewalFailsThenSessionUnavailable() throws Exception {
        EgainSessionRequests requests = requests(ece.authorization().build());
        requests.send(customerRequest(), HttpResponse.BodyHandlers.ofString());
        ece.endAllSessions();
        ece.answerLoginWith(500, "{\"message\":\"down\"}");

        assertThat(requests.sendAsync(customerRequest(), HttpResponse.BodyHandlers.ofString()))
                .failsWithin(java.time.Duration.ofSeconds(30))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(SessionUnavailableException.class,
                        e -> assertThat(e.result().outcome()).isEqualTo(Outcome.ERROR));
    }

    @Test
    void sendWhenNoSessionCanBeCreatedThenSessionUnavailable() {
        EgainSessionRequests requests = requests(ece.authorization().password("wrong").build());

        assertThatThrownBy(() -> requests.send(customerRequest(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfSatisfying(SessionUnavailableException.class, e -> assertThat(e.result().outcome())
                        .isEqualTo(Outcome.CREATE_SESSION_FAILURE));
        assertThat(ece.requestsTo(FakeEceServer.CUSTOMER_PATH)).isZero();
    }
}
