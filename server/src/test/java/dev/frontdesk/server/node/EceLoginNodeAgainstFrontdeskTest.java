package dev.frontdesk.server.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.frontdesk.client.ece.EceLoginNode;
import dev.frontdesk.client.ece.NodeResult;
import dev.frontdesk.client.ece.NodeRuntimeAuthorization;
import dev.frontdesk.client.ece.Outcome;
import dev.frontdesk.client.ece.cli.EceLoginCli;
import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ECE Login node (client module) against a real running Frontdesk and its eGain dialect. */
class EceLoginNodeAgainstFrontdeskTest {
    static final String TRANSACTION = "nodeid.sms.transid";
    static TestServer server;
    static HttpClient http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.admin().patchSettings("default", Map.of("maxSessionsPerAccount", 1000));
        server.admin().createAgent("flowagent", "flow-agent-password");
        server.admin().createClient("default", "webex-connect", "webex-connect-secret");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    static NodeRuntimeAuthorization.Builder authorization() {
        String tokenUrl = server.baseUrl() + "/system/ws/v19/clientapplications/authentication/oauth2/token";
        return NodeRuntimeAuthorization.builder()
                .authorizationName("frontdesk").clientId("webex-connect").clientSecret("webex-connect-secret")
                .accessTokenUrl(tokenUrl).refreshTokenUrl(tokenUrl).hostName(server.baseUrl()).contextRoot("/system")
                .userName("flowagent").password("flow-agent-password").timeout(Duration.ofSeconds(5));
    }

    static EceLoginNode node(NodeRuntimeAuthorization authorization) {
        return new EceLoginNode(authorization, http, Clock.systemUTC());
    }

    @Test
    void rightCredentialsThenSuccessWithALiveEgainSession() {
        NodeResult result = node(authorization().build()).createSession(TRANSACTION);
        assertThat(result.outcome()).isEqualTo(Outcome.CREATE_SESSION_SUCCESS);
        String session = result.variables().get("xEgainSession");
        assertThat(Http.plain().method("DELETE", server.baseUrl() + "/ws/v12/authentication/user/logout", null, null,
                "X-egain-session", session).statusCode()).isEqualTo(204);
    }

    @Test
    void wrongUserPasswordThenCreateSessionFailure() {
        NodeResult result = node(authorization().password("not-the-password").build()).createSession(TRANSACTION);
        assertThat(result.outcome()).isEqualTo(Outcome.CREATE_SESSION_FAILURE);
        assertThat(result.httpStatus()).isEqualTo(401);
        assertThat(result.toString()).doesNotContain("not-the-password").doesNotContain("webex-connect-secret");
    }

    @Test
    void wrongClientSecretThenError() {
        NodeResult result = node(authorization().clientSecret("wrong-secret").build()).createSession(TRANSACTION);
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.code()).isEqualTo("invalid_client");
    }

    @Test
    void missingTransactionIdThenInvalidDataAndNoRequest() {
        int before = tokenIssues();
        NodeResult result = node(authorization().build()).createSession(" ");
        assertThat(result.outcome()).isEqualTo(Outcome.INVALID_DATA);
        assertThat(tokenIssues()).isEqualTo(before);
    }

    @Test
    void tokenRevokedBetweenCallsThenRefreshedAndSuccess() {
        EceLoginNode node = node(authorization().build());
        assertThat(node.createSession(TRANSACTION).outcome()).isEqualTo(Outcome.CREATE_SESSION_SUCCESS);
        String token = node.tokens().token().join().value();
        assertThat(Http.plain().post(server.baseUrl() + "/ws/v19/clientapplications/authentication/oauth2/revoke",
                null, "", "Authorization", "Bearer " + token).statusCode()).isEqualTo(204);

        NodeResult again = node.createSession(TRANSACTION);
        assertThat(again.outcome()).isEqualTo(Outcome.CREATE_SESSION_SUCCESS);
    }

    @Test
    void serverThatNeverAnswersThenTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            NodeResult result = node(authorization().hostName(url).timeout(Duration.ofMillis(500)).build())
                    .createSession(TRANSACTION);
            assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
        }
    }

    @Test
    void loginAnswering500ThenError() throws Exception {
        HttpServer broken = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        broken.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        broken.start();
        try {
            NodeResult result = node(authorization().hostName("http://127.0.0.1:" + broken.getAddress().getPort())
                    .contextRoot("").build()).createSession(TRANSACTION);
            assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(result.httpStatus()).isEqualTo(500);
        } finally {
            broken.stop(0);
        }
    }

    @Test
    void outcomeNotWiredThenInvalidChoice() {
        NodeResult result = node(authorization().password("not-the-password")
                .wiredOutcomes(Set.of(Outcome.CREATE_SESSION_SUCCESS)).build()).createSession(TRANSACTION);
        assertThat(result.outcome()).isEqualTo(Outcome.INVALID_CHOICE);
    }

    @Test
    void hundredConcurrentFlowsShareOneTokenRequest() {
        int before = tokenIssues();
        // 100 logins queue for the server's hashing cores: give them time on a busy machine
        EceLoginNode node = node(authorization().timeout(Duration.ofSeconds(60)).build());
        List<CompletableFuture<NodeResult>> flows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            flows.add(node.createSessionAsync(TRANSACTION + "." + i));
        }
        for (CompletableFuture<NodeResult> flow : flows) {
            assertThat(flow.join().outcome()).isEqualTo(Outcome.CREATE_SESSION_SUCCESS);
        }
        assertThat(tokenIssues() - before).isEqualTo(1);
    }

    @Test
    void commandPrintsTheResultAsJson(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("node.json");
        String tokenUrl = server.baseUrl() + "/ws/v19/clientapplications/authentication/oauth2/token";
        Files.writeString(config, Json.write(Map.of("authorizationName", "frontdesk", "clientId", "webex-connect",
                "clientSecret", "webex-connect-secret", "accessTokenUrl", tokenUrl, "refreshTokenUrl", tokenUrl,
                "hostName", server.baseUrl(), "userName", "flowagent", "password", "flow-agent-password")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = EceLoginCli.run(config, TRANSACTION, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(Json.MAPPER.readTree(printed).get("outcome").asString()).isEqualTo("onCreateSessionSuccess");
        assertThat(Json.MAPPER.readTree(printed).get("variables").get("xEgainSession").asString()).isNotBlank();
        assertThat(printed).doesNotContain("flow-agent-password").doesNotContain("webex-connect-secret");
    }

    private static int tokenIssues() {
        return server.admin().ok("GET", "/tenants/default/events?type=token.issued&limit=10000", null).size();
    }
}
