package dev.frontdesk.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.FrontdeskServer;
import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.AdminClient;
import dev.frontdesk.server.testing.BackingServices;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL and Redis, sweeping only hourly: a rule change on one node reaches the
 * other through the Redis announcement, not through the sweep.
 */
class GatewayRulesAcrossNodesTest {
    static FrontdeskServer first;
    static FrontdeskServer second;
    static final Http http = Http.plain();

    @BeforeAll
    static void start() throws Exception {
        BackingServices.requirePostgresAndRedis();
        String db = BackingServices.freshPostgresDatabase();
        String redis = BackingServices.freshRedisUrl();
        first = node(db, redis);
        second = node(db, redis);
    }

    private static FrontdeskServer node(String db, String redis) throws Exception {
        ServerConfig config = TestServer.configBuilder(Files.createTempDirectory("frontdesk-gw")).dbUrl(db)
                .dbUser(BackingServices.POSTGRES_USER).redisUrl(redis).sweepIntervalSeconds(3600).build();
        return FrontdeskServer.start(config, Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void rulesWhenReplacedOnOneNodeThenTheOtherEnforcesThemWithoutWaitingForTheSweep() throws Exception {
        AdminClient admin = new AdminClient("http://127.0.0.1:" + first.port(), TestServer.ADMIN_PASSWORD);
        admin.patchSettings("default", TestServer.TEST_DEFAULTS);
        admin.createAgent("roaming-agent", GatewayClients.PASSWORD);
        String session = Json.MAPPER.readTree(http.post("http://127.0.0.1:" + first.port() + "/api/v1/login",
                "application/json", Json.write(Map.of("username", "roaming-agent", "password", GatewayClients.PASSWORD)))
                .body()).get("session").asString();
        String verify = "http://127.0.0.1:" + second.port() + "/auth/verify/reports/daily";
        assertThat(http.get(verify, "X-Session-Token", session).statusCode()).isEqualTo(200);

        admin.ok("PUT", "/tenants/default/gateway/rules",
                List.of(Map.of("pathPrefix", "/reports", "accessRights", List.of("reporting"))));
        int status = 200;
        for (int attempt = 0; attempt < 200 && status == 200; attempt++) {
            status = http.get(verify, "X-Session-Token", session).statusCode();
            if (status == 200) {
                Thread.sleep(50);
            }
        }
        assertThat(status).isEqualTo(403);
    }
}
