package dev.frontdesk.server.egain;

import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests to the eGain endpoints of a test server, and the documents the tests send. */
final class EgainCalls {
    static final String V12_NS = "http://bindings.egain.com/ws/model/v12/gen/platform";
    static final String V15_NS = "http://bindings.egain.com/ws/model/v15/gen/platform";
    static final String V12_LOGIN = "/ws/v12/authentication/user/login";
    static final String V12_LOGOUT = "/ws/v12/authentication/user/logout";
    static final String V15_LOGIN = "/ws/v15/context/authentication/user/login";
    static final String V15_LOGOUT = "/ws/v15/context/authentication/user/logout";
    static final String V19_TOKEN = "/ws/v19/clientapplications/authentication/oauth2/token";
    static final String V19_REVOKE = "/ws/v19/clientapplications/authentication/oauth2/revoke";
    static final String PASSWORD = "Quill-harbor-7";

    // from 1000: fixed names like customer1 that test classes create themselves stay free
    private static final AtomicInteger NAMES = new AtomicInteger(1000);

    private final TestServer server;
    private final Http http = Http.plain();

    EgainCalls(TestServer server) {
        this.server = server;
    }

    static String uniqueName(String prefix) {
        return prefix + NAMES.incrementAndGet();
    }

    String url(String path) {
        return server.baseUrl() + path;
    }

    /** A new agent with {@link #PASSWORD}; returns its user name. */
    String agent() {
        String name = uniqueName("agent");
        server.admin().createAgent(name, PASSWORD);
        return name;
    }

    String customer() {
        String name = uniqueName("customer");
        server.admin().createCustomer(name, PASSWORD);
        return name;
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        return http.post(url(path), contentType, body, headers);
    }

    HttpResponse<String> postBytes(String path, String contentType, byte[] body, String... headers) {
        return http.postBytes(url(path), contentType, body, headers);
    }

    HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return http.send(builder.build());
    }

    HttpResponse<String> v12LoginJson(String user, String password, String... headers) {
        return post(V12_LOGIN, "application/json", json(user, password), headers);
    }

    HttpResponse<String> v15LoginJson(String user, String password, String... headers) {
        return post(V15_LOGIN, "application/json", json(user, password), headers);
    }

    /** Logs in through v12 and returns the X-egain-session. */
    String v12Session(String user) {
        HttpResponse<String> response = v12LoginJson(user, PASSWORD);
        if (response.statusCode() != 204) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return response.headers().firstValue("X-egain-session").orElseThrow();
    }

    String v15Session(String user) {
        HttpResponse<String> response = v15LoginJson(user, PASSWORD);
        if (response.statusCode() != 204) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return response.headers().firstValue("X-egain-session").orElseThrow();
    }

    static String json(String user, String password) {
        return "{\"userName\": \"" + user + "\", \"password\": \"" + password + "\"}";
    }

    static String xml(String root, String namespace, String user, String password) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<" + root
                + (namespace == null ? "" : " xmlns=\"" + namespace + "\"") + ">\n\t<userName>" + user
                + "</userName>\n\t<password>" + password + "</password>\n</" + root + ">";
    }

    static String xmlError(String root, String namespace, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<" + root + " xmlns=\"" + namespace
                + "\">\n\t<message>" + message + "</message>\n</" + root + ">";
    }
}
