package dev.frontdesk.server.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.NativeClient;
import dev.frontdesk.server.testing.ServerProcess;
import dev.frontdesk.server.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions and access tokens survive a hard kill of the server process, ended ones stay ended, and the
 * database holds no secret in clear. The server runs as a separate JVM here, started like {@code bin/frontdesk serve}.
 */
class DurabilityTest {
    @TempDir
    Path dataDir;

    @Test
    void serverKilledHardThenLiveSessionsValidateAndEndedOnesStayEnded() throws Exception {
        ServerProcess first = ServerProcess.start(dataDir);
        NativeClient api = new NativeClient(first.baseUrl());
        first.admin().createAgent("durable", "durable-password-1");
        String kept = api.loginOk("durable", "durable-password-1");
        String ended = api.loginOk("durable", "durable-password-1");
        assertThat(api.logout(ended).statusCode()).isEqualTo(204);
        first.killHard();

        ServerProcess second = ServerProcess.start(dataDir);
        try {
            NativeClient again = new NativeClient(second.baseUrl());
            assertThat(again.sessionStatus(kept)).isEqualTo(200);
            assertThat(again.sessionStatus(ended)).isEqualTo(401);
        } finally {
            second.killHard();
        }
    }

    @Test
    void tokenGrantedThenServerKilledHardThenTokenStillAcceptedAndRevokedOneStillRefused() throws Exception {
        ServerProcess first = ServerProcess.start(dataDir);
        first.admin().createClient("default", "durable-client", "durable-client-secret");
        String kept = grant(first.baseUrl(), "durable-client", "durable-client-secret");
        String revoked = grant(first.baseUrl(), "durable-client", "durable-client-secret");
        assertThat(Http.plain().post(first.baseUrl() + "/oauth2/revoke", "application/x-www-form-urlencoded", "",
                "Authorization", "Bearer " + revoked).statusCode()).isEqualTo(204);
        first.killHard();

        ServerProcess second = ServerProcess.start(dataDir);
        try {
            assertThat(introspectionStatus(second.baseUrl(), kept)).isEqualTo(200);
            assertThat(introspectionStatus(second.baseUrl(), revoked)).isEqualTo(401);
        } finally {
            second.killHard();
        }
    }

    private static String grant(String baseUrl, String clientId, String secret) {
        var answer = Http.plain().post(baseUrl + "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials", "Authorization", Http.basic(clientId, secret));
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    /** 200 while the bearer token is live (whatever the session), 401 once it is not. */
    private static int introspectionStatus(String baseUrl, String token) {
        return Http.plain().post(baseUrl + "/api/v1/introspect", "application/json", "{\"session\":\"none\"}",
                "Authorization", "Bearer " + token).statusCode();
    }

    @Test
    void databaseHoldsNoSecretInClear() throws Exception {
        String password = "clear-text-check-pw";
        String clientSecret = "client-secret-in-clear-check";
        String session;
        String token;
        try (TestServer server = TestServer.start()) {
            NativeClient api = new NativeClient(server.baseUrl());
            server.admin().createAgent("secretive", password);
            server.admin().createClient("default", "secret-client", clientSecret);
            session = api.loginOk("secretive", password);
            var tokenAnswer = Http.plain().post(server.baseUrl() + "/oauth2/token",
                    "application/x-www-form-urlencoded", "grant_type=client_credentials",
                    "Authorization", Http.basic("secret-client", clientSecret));
            assertThat(tokenAnswer.statusCode()).isEqualTo(200);
            token = tokenAnswer.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            server.close();
            String dump = dumpDatabase(server.dataDir());
            assertThat(dump).contains("secretive").contains("secret-client");
            assertThat(dump).doesNotContain(password).doesNotContain(clientSecret)
                    .doesNotContain(session).doesNotContain(token)
                    .doesNotContain(TestServer.ADMIN_PASSWORD);
        }
    }

    private static String dumpDatabase(Path dataDir) throws Exception {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("frontdesk");
        StringBuilder dump = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SCRIPT")) {
            while (rs.next()) {
                dump.append(rs.getString(1)).append('\n');
            }
        }
        return dump.toString();
    }
}
