package dev.frontdesk.server.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client that asks for {@code Connection: close} gets the answer and then the end of the stream. */
class ConnectionCloseTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void getWithConnectionCloseThenAnswerAndEndOfStream() throws IOException {
        String response = exchange("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200 ").contains("Connection: close").endsWith("{\"status\":\"UP\"}");
    }

    @Test
    void rejectedPostWithConnectionCloseThenAnswerAndEndOfStream() throws IOException {
        String response = exchange("POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1\r\nConnection: close\r\n\r\n{");

        assertThat(response).startsWith("HTTP/1.1 400 ").contains("Connection: close");
    }

    /** Sends the request and reads until the server closes; a server that does not close fails the read. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
