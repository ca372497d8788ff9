package dev.frontdesk.server.gateway;

import com.sun.net.httpserver.HttpServer;
import dev.frontdesk.server.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The API behind the gateway, for tests: answers every request 200 with a JSON object of what it
 * received (method, path, and every header, names lower-cased), so a test sees what the proxy passed on.
 */
final class EchoUpstream implements AutoCloseable {
    private final HttpServer server;

    private EchoUpstream(HttpServer server) {
        this.server = server;
    }

    static EchoUpstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                Map<String, Object> echo = new LinkedHashMap<>();
                echo.put("method", exchange.getRequestMethod());
                echo.put("path", exchange.getRequestURI().getRawPath());
                Map<String, List<String>> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
                echo.put("headers", headers);
                byte[] body = Json.write(echo).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new EchoUpstream(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
