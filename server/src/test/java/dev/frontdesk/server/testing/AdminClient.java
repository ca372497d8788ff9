package dev.frontdesk.server.testing;

import dev.frontdesk.server.json.Json;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The admin API over HTTP, for arranging tests. Every call asserts success. */
public final class AdminClient {
    private final String base;
    private final String authorization;
    private final Http http = Http.plain();

    public AdminClient(String baseUrl, String password) {
        this(baseUrl, "admin", password);
    }

    /** A named administrator's client (Basic with its own name and password). */
    public AdminClient(String baseUrl, String username, String password) {
        this(baseUrl + "/admin/api/v1", Http.basic(username, password), true);
    }

    private AdminClient(String base, String authorization, boolean unused) {
        this.base = base;
        this.authorization = authorization;
    }

    /** A client presenting an {@code Authorization: Bearer} token. */
    public static AdminClient bearer(String baseUrl, String token) {
        return new AdminClient(baseUrl + "/admin/api/v1", "Bearer " + token, true);
    }

    /** Creates a named administrator ({@code tenants} may be null) and returns a client signed in as it. */
    public AdminClient createAdministrator(String serverUrl, String username, String password, String role,
                                           java.util.List<String> tenants) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("role", role);
        if (tenants != null) {
            body.put("tenants", tenants);
        }
        ok("POST", "/administrators", body);
        return new AdminClient(serverUrl, username, password);
    }

    public HttpResponse<String> call(String method, String path, Object body) {
        return http.method(method, base + path, body == null ? null : "application/json",
                body == null ? null : (body instanceof String s ? s : Json.write(body)), "Authorization", authorization);
    }

    public JsonNode ok(String method, String path, Object body) {
        HttpResponse<String> response = call(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? null : Json.MAPPER.readTree(response.body());
    }

    /** Creates an account and returns its ID. */
    public String createAccount(String tenant, String username, String password, String type) {
        return ok("POST", "/tenants/" + tenant + "/accounts",
                Map.of("username", username, "password", password, "type", type)).get("id").asString();
    }

    public String createAgent(String username, String password) {
        return createAccount("default", username, password, "agent");
    }

    public String createCustomer(String username, String password) {
        return createAccount("default", username, password, "customer");
    }

    public void patchSettings(String tenant, Map<String, ?> settings) {
        ok("PATCH", "/tenants/" + tenant + "/settings", settings);
    }

    /** Registers a client application with the given secret. */
    public void createClient(String tenant, String clientId, String secret) {
        ok("POST", "/tenants/" + tenant + "/clients", Map.of("clientId", clientId, "clientSecret", secret));
    }

    public JsonNode sessions(String tenant, String username) {
        return ok("GET", "/tenants/" + tenant + "/sessions?username=" + username, null);
    }
}
