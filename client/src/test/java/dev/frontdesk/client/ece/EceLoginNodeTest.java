package dev.frontdesk.client.ece;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EceLoginNodeTest {
    private static final String TRANSACTION = "nodeid.sms.transid-42";

    private FakeEceServer ece;
    private HttpClient http;

    @BeforeEach
    void start() throws IOException {
        ece = FakeEceServer.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        http.close();
        ece.close();
    }

    private EceLoginNode node(NodeRuntimeAuthorization authorization) {
        return new EceLoginNode(authorization, http, Clock.systemUTC());
    }

    @Test
    void createSessionWhenCredentialsAreRightThenSuccessWithSession() {
        NodeResult result = node(ece.authorization().build()).createSession(TRANSACTION);

        assertThat(result.outcome()).isEqualTo(Outcome.CREATE_SESSION_SUCCESS);
        assertThat(result.variables()).containsOnlyKeys("xEgainSession");
        assertThat(result.sessionId()).get().asString().isNotBlank();
        assertThat(result.httpStatus()).isEqualTo(204);
        assertThat(ece.tokenRequests()).isEqualTo(1);
        assertThat(ece.loginRequests()).isEqualTo(1);
    }

    @Test
    void createSessionWhenContextRootAndForceLoginThenLoginUriCarriesBoth() {
        NodeResult result = node(ece.authorization().contextRoot("/system").forceLogin(true).build())
                .createSession(TRANSACTION);

        assertThat(result.outcome()).isEqualTo(Outcome.CREATE_SESSION_SUCCESS);
        assertThat(ece.loginUris()).containsExactly("/system/ws/v12/authentication/user/login?forceLogin=yes");
    }

    @Test
    void createSessionWhenUserPasswordIsWrongThenFailureWithServerMessage() {
        NodeResult result = node(ece.authorization().password("wrong").build()).createSession(TRANSACTION);

        assertThat(result.outcome()).isEqualTo(Outcome.CREATE_SESSION_FAILURE);
        assertThat(result.httpStatus()).isEqualTo(401);
        assertThat(result.message()).isEqualTo("User credentials could not be authenticated. Username : agent1");
        assertThat(result.variables()).isEmpty();
        assertThat(ece.tokenRequests()).as("one refresh, in case the 401 was for the token").isEqualTo(2);
        assertThat(ece.loginRequests()).isEqualTo(2);
    }

    @Test
    void createSessionWhenClientSecretIsWrongThenErrorFromTokenEndpoint() {
        NodeResult result = node(ece.authorization().clientSecret("wrong").build()).createSession(TRANSACTION);

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.code()).isEqualTo("invalid_client");
        assertThat(result.httpStatus()).isEqualTo(401);
        assertThat(result.message()).contains("Client authentication failed");
        assertThat(ece.loginRequests()).isZero();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void createSessionWhenTransactionIdIsMissingThenInvalidDataAndNoRequest(String transactionId) {
        NodeResult result = node(ece.authorization().build()).createSession(transactionId);

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID_DATA);
        assertThat(result.message()).contains("transactionId is required");
        assertThat(result.httpStatus()).isZero();
        assertThat(ece.totalRequests()).isZero();
    }

    @Test
    void createSessionWhenConfigurationIsIncompleteThenInvalidDataAndNoRequest() {
        NodeRuntimeAuthorization incomplete = ece.authorization().clientSecret(null).hostName("not a url")
                .buildUnchecked();

        NodeResult result = node(incomplete).createSession(TRANSACTION);

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID_DATA);
        assertThat(result.message()).contains("clientSecret is required", "hostName");
        assertThat(ece.totalRequests()).isZero();
    }

    @Test
    void createSessionWhenTokenWasRevokedBetweenCallsThenRefreshesAndSucceeds() {
        EceLoginNode node = node(ece.authorization().build());
        assertThat(node.createSession(TRANSACTION).outcome()).isEqualTo(Outcome.CREATE_SESSION_SUCCESS);

        ece.revokeAllTokens();
        NodeResult result = node.createSession(TRANSACTION);

        assertThat(result.outcome()).isEqualTo(Outcome.CREATE_SESSION_SUCCESS);
        assertThat(ece.requestsTo(FakeEceServer.TOKEN_PATH)).isEqualTo(1);
        assertThat(ece.requestsTo(FakeEceServer.REFRESH_PATH)).isEqualTo(1);
        assertThat(ece.loginRequests()).isEqualTo(3);
    }

    @Test
    void createSessionWhenLoginServerStaysSilentThenTimeout() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            NodeRuntimeAuthorization authorization = ece.authorization().hostName(silent.baseUrl())
                    .timeout(Duration.ofMillis(300)).build();

            NodeResult result = node(authorization).createSession(TRANSACTION);

            assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(result.httpStatus()).isZero();
            assertThat(silent.acceptedConnections()).isEqualTo(1);
        }
    }

    @Test
    void createSessionWhenTokenServerStaysSilentThenTimeout() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            NodeRuntimeAuthorization authorization = ece.authorization()
                    .accessTokenUrl(silent.baseUrl() + FakeEceServer.TOKEN_PATH)
                    .timeout(Duration.ofMillis(300)).build();

            NodeResult result = node(authorization).createSession(TRANSACTION);

            assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(ece.loginRequests()).isZero();
        }
    }

    @Test
    void createSessionWhenNothingListensThenNetworkError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        NodeRuntimeAuthorization authorization = ece.authorization().hostName("http://127.0.0.1:" + closedPort)
                .build();

        NodeResult result = node(authorization).createSession(TRANSACTION);

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.code()).isEqualTo("network_error");
    }

    @Test
    void createSessionWhenLoginAnswers500ThenErrorWithServerMessage() {
        ece.answerLoginWith(500, "{\"message\":\"Internal server error.\"}");

        NodeResult result = node(ece.authorization().build()).createSession(TRANSACTION);

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.httpStatus()).isEqualTo(500);
        assertThat(result.code()).isEqualTo("500");
        assertThat(result.message()).isEqualTo("Internal server error.");
    }

    @Test
    void createSessionWhenLoginAnswers204WithoutSessionThenError() {
        ece.answerLoginWith(204, "");

        NodeResult result = node(ece.authorization().build()).createSession(TRANSACTION);

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.code()).isEqualTo("malformed_response");
        assertThat(result.variables()).isEmpty();
    }

    @Test
    void createSessionWhenLoginAnswers403ThenFailureWithoutRetry() {
        ece.answerLoginWith(403, "{\"message\":\"Too many sessions.\"}");

        NodeResult result = node(ece.authorization().build()).createSession(TRANSACTION);

        assertThat(result.outcome()).isEqualTo(Outcome.CREATE_SESSION_FAILURE);
        assertThat(result.message()).isEqualTo("Too many sessions.");
        assertThat(ece.loginRequests()).isEqualTo(1);
    }

    @Test
    void createSessionWhenOutcomeIsNotWiredThenInvalidChoice() {
        NodeRuntimeAuthorization authorization = ece.authorization().password("wrong")
                .wiredOutcomes(Set.of(Outcome.CREATE_SESSION_SUCCESS, Outcome.ERROR)).build();

        NodeResult result = node(authorization).createSession(TRANSACTION);

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID_CHOICE);
        assertThat(result.message()).startsWith("no outcome wired for onCreateSessionFailure");
        assertThat(result.httpStatus()).isEqualTo(401);
    }

    @Test
    void createSessionWhenOutcomeIsWiredThenItIsKept() {
        NodeRuntimeAuthorization authorization = ece.authorization()
                .wiredOutcomes(Set.of(Outcome.CREATE_SESSION_SUCCESS)).build();

        assertThat(node(authorization).createSession(TRANSACTION).outcome())
                .isEqualTo(Outcome.CREATE_SESSION_SUCCESS);
    }

    @Test
    void createSessionAsyncWhen100FlowsRunAtOnceThenOneTokenRequestServesAll() {
        EceLoginNode node = node(ece.authorization().build());

        List<CompletableFuture<NodeResult>> flows = IntStream.range(0, 100)
                .mapToObj(i -> node.createSessionAsync("transaction-" + i)).toList();
        List<NodeResult> results = flows.stream().map(CompletableFuture::join).toList();

        assertThat(results).extracting(NodeResult::outcome).containsOnly(Outcome.CREATE_SESSION_SUCCESS);
        assertThat(results).extracting(r -> r.sessionId().orElseThrow()).doesNotHaveDuplicates();
        assertThat(ece.tokenRequests()).isEqualTo(1);
        assertThat(ece.loginRequests()).isEqualTo(100);
    }

    @Test
    void createSessionWhen100FlowsBlockOnThreadsThenOneTokenRequestServesAll() throws Exception {
        EceLoginNode node = node(ece.authorization().build());

        List<NodeResult> results;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<NodeResult>> flows = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String transactionId = "transaction-" + i;
                flows.add(threads.submit(() -> node.createSession(transactionId)));
            }
            results = new ArrayList<>();
            for (Future<NodeResult> flow : flows) {
                results.add(flow.get());
            }
        }

        assertThat(results).extracting(NodeResult::outcome).containsOnly(Outcome.CREATE_SESSION_SUCCESS);
        assertThat(ece.tokenRequests()).isEqualTo(1);
    }

    @Test
    void createSessionWhenAnyOutcomeThenResultNeverHoldsSecrets() {
        List<NodeResult> results = List.of(
                node(ece.authorization().build()).createSession(TRANSACTION),
                node(ece.authorization().password("wrong").build()).createSession(TRANSACTION),
                node(ece.authorization().clientSecret("wrong").build()).createSession(TRANSACTION),
                node(ece.authorization().build()).createSession(""));

        for (NodeResult result : results) {
            assertThat(result.toString()).doesNotContain(FakeEceServer.PASSWORD, FakeEceServer.CLIENT_SECRET, "wrong");
            for (String token : ece.issuedTokens()) {
                assertThat(result.toString()).doesNotContain(token);
            }
        }
    }
}
