package dev.frontdesk.client.ece.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.client.ece.FakeEceServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EceLoginCliTest {
    @TempDir
    Path dir;

    private FakeEceServer ece;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws IOException {
        ece = FakeEceServer.start();
    }

    @AfterEach
    void stop() {
        ece.close();
    }

    private ObjectNode config() {
        return JsonMapper.shared().createObjectNode()
                .put("authorizationName", "fake-ece")
                .put("clientId", FakeEceServer.CLIENT_ID)
                .put("clientSecret", FakeEceServer.CLIENT_SECRET)
                .put("accessTokenUrl", ece.baseUrl() + FakeEceServer.TOKEN_PATH)
                .put("refreshTokenUrl", ece.baseUrl() + FakeEceServer.REFRESH_PATH)
                .put("hostName", ece.baseUrl())
                .put("userName", FakeEceServer.USER)
                .put("password", FakeEceServer.PASSWORD)
                .put("timeoutMillis", 5000);
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("node.json"), content);
    }

    private JsonNode output() {
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        return JsonMapper.shared().readTree(text);
    }

    @Test
    void runWhenConfigIsRightThenPrintsSessionAndExitsZero() throws IOException {
        ObjectNode config = config().put("contextRoot", "/system").put("forceLogin", true);

        int exit = EceLoginCli.run(write(config.toString()), "nodeid.sms.transid", out);

        JsonNode json = output();
        assertThat(exit).isZero();
        assertThat(json.path("outcome").asString()).isEqualTo("onCreateSessionSuccess");
        assertThat(json.path("variables").path("xEgainSession").asString()).isNotBlank();
        assertThat(json.has("code")).isTrue();
        assertThat(json.has("message")).isTrue();
        assertThat(ece.loginUris()).containsExactly("/system/ws/v12/authentication/user/login?forceLogin=yes");
    }

    @Test
    void runWhenPasswordIsWrongThenPrintsFailureAndExitsNonZero() throws IOException {
        int exit = EceLoginCli.run(write(config().put("password", "wrong").toString()), "t-1", out);

        JsonNode json = output();
        assertThat(exit).isEqualTo(3);
        assertThat(json.path("outcome").asString()).isEqualTo("onCreateSessionFailure");
        assertThat(json.path("variables").isEmpty()).isTrue();
        assertThat(json.path("message").asString()).contains("could not be authenticated");
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("wrong", FakeEceServer.CLIENT_SECRET);
    }

    @Test
    void runWhenTransactionIdIsMissingThenInvalidDataWithoutRequests() throws IOException {
        int exit = EceLoginCli.run(write(config().toString()), " ", out);

        assertThat(exit).isEqualTo(4);
        assertThat(output().path("outcome").asString()).isEqualTo("onInvalidData");
        assertThat(ece.totalRequests()).isZero();
    }

    @Test
    void runWhenConfigFileIsMissingThenInvalidData() {
        int exit = EceLoginCli.run(dir.resolve("absent.json"), "t-1", out);

        assertThat(exit).isEqualTo(4);
        assertThat(output().path("outcome").asString()).isEqualTo("onInvalidData");
    }

    @Test
    void runWhenConfigIsNotJsonThenInvalidData() throws IOException {
        int exit = EceLoginCli.run(write("clientId=flow-app"), "t-1", out);

        assertThat(exit).isEqualTo(4);
        assertThat(output().path("message").asString()).contains("not valid JSON");
    }

    @Test
    void runWhenConfigLacksFieldsThenInvalidDataNamingThem() throws IOException {
        ObjectNode config = config();
        config.remove("clientSecret");

        int exit = EceLoginCli.run(write(config.toString()), "t-1", out);

        assertThat(exit).isEqualTo(4);
        assertThat(output().path("message").asString()).contains("clientSecret is required");
        assertThat(ece.totalRequests()).isZero();
    }

    @Test
    void runWhenOutcomeNameIsUnknownThenInvalidData() throws IOException {
        ObjectNode config = config();
        config.putArray("outcomes").add("onCreateSessionSuccess").add("onWhatever");

        int exit = EceLoginCli.run(write(config.toString()), "t-1", out);

        assertThat(exit).isEqualTo(4);
        assertThat(output().path("message").asString()).contains("onWhatever");
    }

    @Test
    void runWhenOutcomeIsNotWiredThenInvalidChoice() throws IOException {
        ObjectNode config = config().put("password", "wrong");
        config.putArray("outcomes").add("onCreateSessionSuccess");

        int exit = EceLoginCli.run(write(config.toString()), "t-1", out);

        assertThat(exit).isEqualTo(7);
        assertThat(output().path("outcome").asString()).isEqualTo("onInvalidChoice");
    }

    @Test
    void runWhenServerFailsThenErrorExitCode() throws IOException {
        ece.answerLoginWith(500, "{\"message\":\"Internal server error.\"}");

        int exit = EceLoginCli.run(write(config().toString()), "t-1", out);

        JsonNode json = output();
        assertThat(exit).isEqualTo(6);
        assertThat(json.path("outcome").asString()).isEqualTo("onError");
        assertThat(json.path("code").asString()).isEqualTo("500");
    }
}
