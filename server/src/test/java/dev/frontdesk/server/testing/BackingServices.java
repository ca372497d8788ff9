package dev.frontdesk.server.testing;

import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL and Redis this machine kind runs (127.0.0.1:5432 trust auth, 127.0.0.1:6379). When one
 * does not answer, its suites are skipped with a clear message, unless {@code FRONTDESK_REQUIRE_SERVICES}
 * is {@code true} (as in CI), which turns the absence into a failure.
 */
public final class BackingServices {
    public static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String POSTGRES_USER = "postgres";

    private BackingServices() {
    }

    public static void requirePostgresAndRedis() {
        require(answers(5432), "PostgreSQL on 127.0.0.1:5432");
        require(answers(6379), "Redis on 127.0.0.1:6379");
    }

    public static void requirePostgres() {
        require(answers(5432), "PostgreSQL on 127.0.0.1:5432");
    }

    /** Creates an empty database for one test class and returns its JDBC URL. */
    public static String freshPostgresDatabase() {
        String name = "fd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a PostgreSQL database: " + e.getMessage(), e);
        }
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    /** A Redis database index of its own (emptied first) on the shared server. */
    public static String freshRedisUrl() {
        String url = "redis://127.0.0.1:6379/" + ThreadLocalRandom.current().nextInt(1, 16);
        RedisClient client = RedisClient.create(url);
        try (var connection = client.connect()) {
            connection.sync().flushdb();
        } finally {
            client.shutdown();
        }
        return url;
    }

    public static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void require(boolean available, String what) {
        if (available) {
            return;
        }
        String message = what + " does not answer: skipping the PostgreSQL/Redis suite";
        if ("true".equalsIgnoreCase(System.getenv("FRONTDESK_REQUIRE_SERVICES"))) {
            Assertions.fail(what + " does not answer and FRONTDESK_REQUIRE_SERVICES=true");
        }
        System.out.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }
}
