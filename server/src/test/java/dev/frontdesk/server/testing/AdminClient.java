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
        this.base = baseUrl + "/admin/api/v1";
        this.authorization = Http.basic("admin", password);
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
