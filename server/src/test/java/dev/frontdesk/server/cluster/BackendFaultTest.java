package dev.frontdesk.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.testing.BackingServices;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.RedisProcess;
import dev.frontdesk.server.testing.ServerProcess;
import dev.frontdesk.server.testing.TcpProxy;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis or PostgreSQL going away (refusing, or silent: bytes held, no reset): logins and validations
 * answer 503 with Retry-After (never a 401 that would drop the user) within a bounded wait, readiness
 * turns 503, and all recovers without a restart or a lost session.
 */
class BackendFaultTest {
    /** Twice the documented bound (README: Failure semantics), for a busy machine; without bounds a freeze hangs for its whole length. */
    private static final Duration HANG = Database.WAIT_BOUND.multipliedBy(2);

    @Test
    void redisStoppedThen503AndRecoveryWithoutLosingSessions() throws Exception {
        BackingServices.requirePostgresAndRedis();
        try (RedisProcess redis = new RedisProcess()) {
            ServerProcess node = ServerProcess.start(Files.createTempDirectory("frontdesk-node"),
                    Map.of("FRONTDESK_DB_USER", BackingServices.POSTGRES_USER),
                    "--db-url", BackingServices.freshPostgresDatabase(), "--redis-url", redis.url());
            try {
                node.admin().createAgent("steadfast", "steadfast-password-1");
                String session = node.api().loginOk("steadfast", "steadfast-password-1");

                redis.stop();
                HttpResponse<String> validation = node.api().session(session);
                assertThat(validation.statusCode()).isEqualTo(503);
                assertThat(validation.headers().firstValue("Retry-After")).isPresent();
                HttpResponse<String> login = node.api().login("steadfast", "steadfast-password-1", false);
                assertThat(login.statusCode()).isEqualTo(503);
                assertThat(login.headers().firstValue("Retry-After")).isPresent();
                assertThat(Http.plain().get(node.baseUrl() + "/health/ready").statusCode()).isEqualTo(503);
                HttpResponse<String> egain = Http.plain().post(node.baseUrl() + "/ws/v12/authentication/user/login",
                        "application/json", "{\"userName\":\"steadfast\",\"password\":\"steadfast-password-1\"}");
                assertThat(egain.statusCode()).isEqualTo(503);
                assertThat(egain.headers().firstValue("Retry-After")).isPresent();
                assertThat(egain.body()).contains("\"message\"");
                HttpResponse<String> srs = Http.plain().get(node.baseUrl() + "/api/v2/me",
                        "Authorization", Http.basic("steadfast", "steadfast-password-1"));
                assertThat(srs.statusCode()).isEqualTo(503);
                assertThat(srs.body()).contains("\"statusCode\":4");

                redis.start();
                awaitReady(node);
                assertThat(node.api().sessionStatus(session)).isEqualTo(200);
                assertThat(node.api().login("steadfast", "steadfast-password-1", false).statusCode()).isEqualTo(201);
            } finally {
                node.killHard();
            }
        }
    }

    @Test
    void postgresRefusingConnectionsThen503AndRecovery() throws Exception {
        BackingServices.requirePostgres();
        String db = BackingServices.freshPostgresDatabase();
        try (TcpProxy proxy = new TcpProxy(5432)) {
            String viaProxy = db.replace(":5432/", ":" + proxy.port() + "/");
            ServerProcess node = ServerProcess.start(Files.createTempDirectory("frontdesk-node"),
                    Map.of("FRONTDESK_DB_USER", BackingServices.POSTGRES_USER), "--db-url", viaProxy);
            try {
                node.admin().createAgent("patient", "patient-password-1");
                String session = node.api().loginOk("patient", "patient-password-1");

                proxy.cut();
                HttpResponse<String> login = node.api().login("patient", "patient-password-1", false);
                assertThat(login.statusCode()).isEqualTo(503);
                assertThat(login.headers().firstValue("Retry-After")).isPresent();
                assertThat(Http.plain().get(node.baseUrl() + "/health/ready").statusCode()).isEqualTo(503);

                proxy.restore();
                awaitReady(node);
                assertThat(node.api().sessionStatus(session)).isEqualTo(200);
                assertThat(node.api().login("patient", "patient-password-1", false).statusCode()).isEqualTo(201);
            } finally {
                node.killHard();
            }
        }
    }

    @Test
    void postgresSilentThenLoginsAnswer503WithinTheBoundAndRecover() throws Exception {
        BackingServices.requirePostgres();
        String db = BackingServices.freshPostgresDatabase();
        try (TcpProxy proxy = new TcpProxy(5432)) {
            String viaProxy = db.replace(":5432/", ":" + proxy.port() + "/");
            ServerProcess node = ServerProcess.start(Files.createTempDirectory("frontdesk-node"),
                    Map.of("FRONTDESK_DB_USER", BackingServices.POSTGRES_USER), "--db-url", viaProxy);
            try {
                node.admin().createAgent("frozen", "frozen-password-1");
                String session = node.api().loginOk("frozen", "frozen-password-1");

                proxy.freeze(); // bytes held, nothing closed: a hung host, not a refused connection
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> login = assertTimeoutPreemptively(HANG,
                            () -> node.api().login("frozen", "frozen-password-1", false));
                    assertThat(login.statusCode()).isEqualTo(503);
                    assertThat(login.headers().firstValue("Retry-After")).isPresent();
                }

                proxy.thaw();
                awaitReady(node);
                assertThat(node.api().sessionStatus(session)).isEqualTo(200);
                assertThat(node.api().login("frozen", "frozen-password-1", false).statusCode()).isEqualTo(201);
            } finally {
                node.killHard();
            }
        }
    }

    private static void awaitReady(ServerProcess node) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (Http.plain().get(node.baseUrl() + "/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("node did not become ready again");
    }
}
