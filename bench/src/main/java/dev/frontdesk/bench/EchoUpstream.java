package dev.frontdesk.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The API behind the gateway in the {@code gateway} scenario, run as its own process: answers every
 * request 200 with the identity user it received ({@code X-Frontdesk-User}), so a run shows the
 * guarded route carried it. Usage: {@code EchoUpstream PORT}.
 */
public final class EchoUpstream {
    private EchoUpstream() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String user = exchange.getRequestHeaders().getFirst("X-Frontdesk-User");
            byte[] body = ("{\"user\":\"" + (user == null ? "" : user) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
