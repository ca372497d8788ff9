package dev.frontdesk.server.gateway;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Logging in through each dialect, straight to Frontdesk, to get the credential a client would hold. */
final class GatewayClients {
    static final String PASSWORD = "Lantern-orbit-58";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final TestServer server;
    private final Http http = Http.plain();

    GatewayClients(TestServer server) {
        this.server = server;
    }

    static String unique(String prefix) {
        return prefix + NAMES.incrementAndGet();
    }

    String agent() {
        String name = unique("agent");
        server.admin().createAgent(name, PASSWORD);
        return name;
    }

    String customer() {
        String name = unique("customer");
        server.admin().createCustomer(name, PASSWORD);
        return name;
    }

    /** An agent holding the given access rights. */
    String agentWithRights(String... rights) {
        String name = unique("agent");
        server.admin().ok("POST", "/tenants/default/accounts", Map.of("username", name, "password", PASSWORD,
                "type", "agent", "accessRights", java.util.List.of(rights)));
        return name;
    }

    /** eGain v12 (agent) login: the X-egain-session. */
    String egainV12(String user) {
        HttpResponse<String> r = http.post(server.baseUrl() + "/system/ws/v12/authentication/user/login",
                "application/json", "{\"userName\": \"" + user + "\", \"password\": \"" + PASSWORD + "\"}");
        check(r, 204);
        return r.headers().firstValue("X-egain-session").orElseThrow();
    }

    /** eGain v15 (customer) login. */
    String egainV15(String user) {
        HttpResponse<String> r = http.post(server.baseUrl() + "/system/ws/v15/context/authentication/user/login",
                "application/json", "{\"userName\": \"" + user + "\", \"password\": \"" + PASSWORD + "\"}");
        check(r, 204);
        return r.headers().firstValue("X-egain-session").orElseThrow();
    }

    /** iService login: the value of the iservice-session cookie. */
    String iservice(String user) {
        HttpResponse<String> r = http.post(server.baseUrl() + "/f/webapp-api-login?api=login", "application/json",
                Json.write(Map.of("username", user, "password", PASSWORD)));
        check(r, 200);
        return cookie(r, "iservice-session");
    }

    /** SRS login (GET /api/v2/me with Basic): the JSESSIONID. */
    String srs(String user) {
        HttpResponse<String> r = http.get(server.baseUrl() + "/api/v2/me", "Authorization", Http.basic(user, PASSWORD));
        check(r, 200);
        return cookie(r, "JSESSIONID");
    }

    /** Native login: the session ID. */
    String nativeSession(String user) {
        HttpResponse<String> r = http.post(server.baseUrl() + "/api/v1/login", "application/json",
                Json.write(Map.of("username", user, "password", PASSWORD)));
        check(r, 201);
        return Json.MAPPER.readTree(r.body()).get("session").asString();
    }

    /** A client-credentials access token of a new client application. */
    String accessToken(String clientId) {
        server.admin().createClient("default", clientId, "client-secret-of-" + clientId);
        HttpResponse<String> r = http.post(server.baseUrl() + "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials", "Authorization", Http.basic(clientId, "client-secret-of-" + clientId));
        check(r, 200);
        return Json.MAPPER.readTree(r.body()).get("access_token").asString();
    }

    private static String cookie(HttpResponse<String> r, String name) {
        String header = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie: " + r.headers()));
        int end = header.indexOf(';');
        return header.substring(name.length() + 1, end < 0 ? header.length() : end);
    }

    private static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new AssertionError("login -> " + r.statusCode() + " " + r.body());
        }
    }
}
