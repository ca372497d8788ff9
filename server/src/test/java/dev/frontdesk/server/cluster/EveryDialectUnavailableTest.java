package dev.frontdesk.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.BackingServices;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.RedisProcess;
import dev.frontdesk.server.testing.ServerProcess;
import dev.frontdesk.server.testing.TcpProxy;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One error frame for every door: with Redis stopped or PostgreSQL refusing connections, each dialect
 * answers 503 with {@code Retry-After} in its own shape, never a 500 and never a "logged out" body
 * (iService answered {@code 500 isLoggedIn:false} before the frame was shared).
 */
class EveryDialectUnavailableTest {
    private static final String JSON = "application/json";

    @Test
    void redisStoppedWhenEveryDialectLogsInOrChecksThen503WithRetryAfterInItsShape() throws Exception {
        BackingServices.requirePostgresAndRedis();
        try (RedisProcess redis = new RedisProcess()) {
            ServerProcess node = ServerProcess.start(Files.createTempDirectory("frontdesk-node"),
                    Map.of("FRONTDESK_DB_USER", BackingServices.POSTGRES_USER),
                    "--db-url", BackingServices.freshPostgresDatabase(), "--redis-url", redis.url());
            try {
                node.admin().createAgent("outage", "outage-password-1");
                node.admin().createClient("default", "outage-client", "outage-client-secret");
                redis.stop();
                assertEveryDialectAnswersUnavailable(node);
            } finally {
                node.killHard();
            }
        }
    }

    @Test
    void postgresRefusedWhenEveryDialectLogsInThen503WithRetryAfterInItsShape() throws Exception {
        BackingServices.requirePostgres();
        String db = BackingServices.freshPostgresDatabase();
        try (TcpProxy proxy = new TcpProxy(5432)) {
            ServerProcess node = ServerProcess.start(Files.createTempDirectory("frontdesk-node"),
                    Map.of("FRONTDESK_DB_USER", BackingServices.POSTGRES_USER),
                    "--db-url", db.replace(":5432/", ":" + proxy.port() + "/"));
            try {
                node.admin().createAgent("outage", "outage-password-1");
                node.admin().createClient("default", "outage-client", "outage-client-secret");
                proxy.cut();
                assertEveryDialectAnswersUnavailable(node);
            } finally {
                node.killHard();
            }
        }
    }

    private static void assertEveryDialectAnswersUnavailable(ServerProcess node) {
        String base = node.baseUrl();
        HttpResponse<String> iservice = Http.plain().post(base + "/f/webapp-api-login?api=login", JSON,
                "{\"userName\":\"outage\",\"password\":\"outage-password-1\"}");
        assertUnavailable(iservice);
        assertThat(iservice.body()).contains("\"errors\"").doesNotContain("isLoggedIn").doesNotContain("loggedIn");

        HttpResponse<String> egain = Http.plain().post(base + "/ws/v12/authentication/user/login", JSON,
                "{\"userName\":\"outage\",\"password\":\"outage-password-1\"}");
        assertUnavailable(egain);
        assertThat(egain.body()).contains("\"message\"");

        HttpResponse<String> srs = Http.plain().get(base + "/api/v2/me",
                "Authorization", Http.basic("outage", "outage-password-1"));
        assertUnavailable(srs);
        assertThat(srs.body()).contains("\"statusCode\"");

        HttpResponse<String> nativeLogin = node.api().login("outage", "outage-password-1", false);
        assertUnavailable(nativeLogin);
        assertThat(nativeLogin.body()).contains("\"error\"");

        HttpResponse<String> token = Http.plain().post(base + "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=outage-client&client_secret=outage-client-secret");
        assertUnavailable(token);
        assertThat(token.body()).contains("\"error\":\"temporarily_unavailable\"");
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
