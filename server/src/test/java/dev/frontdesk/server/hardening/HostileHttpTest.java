package dev.frontdesk.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.frontdesk.server.testing.RawConnection;
import dev.frontdesk.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 14, findings 4, 5 and 6: malformed chunked bodies, oversized headers and slow clients, sent over
 * raw sockets. Each gets a clean 4xx (or a closed connection, for a client too slow to finish), never a
 * 500, never a stack trace in the log; no byte of a request can start a log line of its own.
 */
class HostileHttpTest {
    private static final String LOGIN = "/api/v1/login";
    private static final String FORGED = "\n12:00:00.000 INFO  frontdesk.access 10.0.0.1 POST /admin/api/v1/tenants 201 1ms";

    private static TestServer server;
    private static ListAppender<ILoggingEvent> log;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("accessLog", true, "headerReadTimeoutSeconds", 1, "bodyReadTimeoutSeconds", 1));
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
        ((Logger) LoggerFactory.getLogger("frontdesk.access")).addAppender(log);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        ((Logger) LoggerFactory.getLogger("frontdesk.access")).detachAppender(log);
        server.close();
    }

    @BeforeEach
    void clearLog() {
        log.list.clear();
    }

    private static String chunked(String path, String contentType, String chunks) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks;
    }

    private static String exchange(String request) throws Exception {
        try (RawConnection connection = new RawConnection(server.port())) {
            return connection.exchange(request);
        }
    }

    private static void assertNoErrorAndNoForgedLine() {
        List<ILoggingEvent> events = List.copyOf(log.list);
        assertThat(events).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(events).noneMatch(e -> e.getThrowableProxy() != null);
        assertThat(events).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("\n", "\r"));
    }

    @Test
    void chunkedWhenChunkSizeIsNotHexThen400NotA500() throws Exception {
        String answer = exchange(chunked(LOGIN, "application/json", "zz\r\n{}\r\n0\r\n\r\n"));

        assertThat(RawConnection.status(answer)).isEqualTo(400);
        assertNoErrorAndNoForgedLine();
    }

    @Test
    void chunkedWhenChunkExtensionThen400NotA500() throws Exception {
        String answer = exchange(chunked(LOGIN, "application/json", "2;name=value\r\n{}\r\n0\r\n\r\n"));

        assertThat(RawConnection.status(answer)).isEqualTo(400);
        assertNoErrorAndNoForgedLine();
    }

    @Test
    void chunkedWhenChunkLineCarriesBareLfAndAForgedLogLineThen400AndTheLogHasNoSuchLine() throws Exception {
        String answer = exchange(chunked(LOGIN, "application/json", "2" + FORGED + "\r\n{}\r\n0\r\n\r\n"));

        assertThat(RawConnection.status(answer)).isEqualTo(400);
        assertNoErrorAndNoForgedLine();
        assertThat(log.list).noneMatch(e -> e.getFormattedMessage().startsWith("10.0.0.1 POST /admin"));
    }

    @Test
    void chunkedWhenChunkShorterThanDeclaredThenAnswerOrCloseButNever500() throws Exception {
        String answer = exchange(chunked(LOGIN, "application/json", "ff\r\n{}\r\n0\r\n\r\n"));

        assertThat(RawConnection.status(answer)).isNotEqualTo(500);
        assertNoErrorAndNoForgedLine();
    }

    @Test
    void chunkedWhenBrokenOnEachDialectThenItsOwn400() throws Exception {
        String broken = "zz\r\n{}\r\n0\r\n\r\n";
        String egain = exchange(chunked("/ws/v12/authentication/user/login", "application/json", broken));
        String iservice = exchange(chunked("/f/webapp-api-login?api=login", "application/json", broken));
        String srs = exchange(chunked("/api/v2/me", "application/json", broken));
        String admin = exchange(chunked("/admin/api/v1/tenants", "application/json", broken));

        assertThat(RawConnection.status(egain)).isEqualTo(400);
        assertThat(egain).contains("{\"message\":");
        assertThat(RawConnection.status(iservice)).isEqualTo(400);
        assertThat(iservice).contains("\"errors\"");
        assertThat(RawConnection.status(srs)).isIn(400, 401);
        assertThat(RawConnection.status(admin)).isIn(400, 401);
        assertNoErrorAndNoForgedLine();
    }

    @Test
    void chunkedWhenBodyNeverEndsThenConnectionClosedWithoutAnErrorLogged() throws Exception {
        String answer = exchange(chunked(LOGIN, "application/json", "2\r\n{}\r\n"));

        assertThat(RawConnection.status(answer)).isNotEqualTo(500);
        assertNoErrorAndNoForgedLine();
    }

    @Test
    void headerValueOver8KiBThen431() throws Exception {
        String answer = exchange("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + "a".repeat(9 * 1024)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(RawConnection.status(answer)).isEqualTo(431);
        assertNoErrorAndNoForgedLine();
    }

    @Test
    void headerOf16300BytesOnLoginThen431NotA500() throws Exception {
        String answer = exchange("POST " + LOGIN + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nX-Filler: " + "b".repeat(16_300) + "\r\n\r\n{}");

        assertThat(RawConnection.status(answer)).isEqualTo(431);
        assertNoErrorAndNoForgedLine();
    }

    @Test
    void headerBlockOver32KiBThen431() throws Exception {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            headers.append("X-Filler-").append(i).append(": ").append("c".repeat(6000)).append("\r\n");
        }
        String answer = exchange("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n");

        assertThat(RawConnection.status(answer)).isEqualTo(431);
        assertNoErrorAndNoForgedLine();
    }

    @Test
    void headerLineWithoutColonOrWithBareLfThen400() throws Exception {
        String noColon = exchange("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n");
        String bareLf = exchange("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\nX-A: b\r\n\r\n");

        assertThat(RawConnection.status(noColon)).isEqualTo(400);
        assertThat(RawConnection.status(bareLf)).isEqualTo(400);
        assertNoErrorAndNoForgedLine();
    }

    @Test
    void slowRequestLineThenConnectionClosedBeforeItIsComplete() throws Exception {
        try (RawConnection connection = new RawConnection(server.port())) {
            assertThat(connection.trickleUntilClosed("GET /health/live?" + "x".repeat(60) + " HTTP/1.1\r\n", 200))
                    .isTrue();
        }
    }

    @Test
    void slowHeadersThenConnectionClosedBeforeTheyAreComplete() throws Exception {
        try (RawConnection connection = new RawConnection(server.port())) {
            connection.send("GET /health/live HTTP/1.1\r\n");
            assertThat(connection.trickleUntilClosed("Host: 127.0.0.1\r\nX-Slow: " + "y".repeat(60) + "\r\n\r\n", 200))
                    .isTrue();
        }
        assertNoErrorAndNoForgedLine();
    }

    @Test
    void slowBodyThenConnectionClosedBeforeItIsComplete() throws Exception {
        String body = "{\"username\":\"slow\",\"password\":\"" + "z".repeat(40) + "\"}";
        try (RawConnection connection = new RawConnection(server.port())) {
            connection.send("POST " + LOGIN + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n");
            assertThat(connection.trickleUntilClosed(body, 200)).isTrue();
        }
        assertNoErrorAndNoForgedLine();
    }

    @Test
    void slowBodyOnARouteThatDoesNotReadItThenConnectionClosedBeforeItIsComplete() throws Exception {
        try (RawConnection connection = new RawConnection(server.port())) {
            connection.send("POST /no/such/route HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 60\r\n\r\n");
            assertThat(connection.trickleUntilClosed("w".repeat(60), 200)).isTrue();
        }
    }

    @Test
    void accessLogWhenRouteIsMountedUnderAPrefixThenItShowsTheFullPath() throws Exception {
        exchange("GET /admin/api/v1/tenants HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(log.list).anyMatch(e -> e.getLoggerName().equals("frontdesk.access")
                && e.getFormattedMessage().contains(" GET /admin/api/v1/tenants 401 "));
    }

    @Test
    void requestAfterHostileOnesThenServerStillAnswers() throws Exception {
        exchange(chunked(LOGIN, "application/json", "zz\r\n"));
        String answer = exchange("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(RawConnection.status(answer)).isEqualTo(200);
    }
}
