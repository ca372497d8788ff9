package dev.frontdesk.server.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.MutableClock;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 16, point 4: every {@code Date} header and cookie expiry is RFC 9110 IMF-fixdate (two-digit day). */
class HttpDateTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(new MutableClock(Instant.parse("2026-12-01T19:44:40Z")), List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void dateWhenDayHasOneDigitThenTwoDigitImfFixdateOnEveryKindOfAnswer() {
        List<HttpResponse<String>> answers = List.of(
                Http.plain().get(server.baseUrl() + "/health/live"),
                Http.plain().get(server.baseUrl() + "/no/such/path"),
                Http.plain().post(server.baseUrl() + "/ws/v12/authentication/user/login", "application/json", "{}"),
                Http.plain().get(server.baseUrl() + "/api/v2/me"));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.headers().allValues("Date")).as(answer.uri().toString())
                    .containsExactly("Tue, 01 Dec 2026 19:44:40 GMT");
        }
    }

    @Test
    void dateWhenTheWebServerRefusesABodyBeforeRoutingThenImfFixdateToo() throws Exception {
        for (String path : List.of("/ws/v20/authentication/user/login", "/api/v1/login")) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String head = new String(socket.getInputStream().readNBytes(4096),
                        java.nio.charset.StandardCharsets.ISO_8859_1);

                assertThat(head).as(path).startsWith("HTTP/1.1 413");
                assertThat(head.lines().filter(l -> l.regionMatches(true, 0, "Date:", 0, 5)).toList()).as(path)
                        .containsExactly("Date: Tue, 01 Dec 2026 19:44:40 GMT");
            }
        }
    }

    @Test
    void cookieExpiryWhenClearedThenImfFixdate() {
        HttpResponse<String> response = Http.plain().post(server.baseUrl() + "/api/v2/me", "application/json",
                "{\"operationName\":\"EndContactCenterSession\"}", "Cookie", "JSESSIONID=unknown");

        assertThat(response.headers().allValues("Set-Cookie")).allSatisfy(cookie -> {
            if (cookie.contains("Expires=")) {
                assertThat(cookie).contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
            }
        });
    }
}
