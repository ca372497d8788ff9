package dev.frontdesk.server.testing;

import dev.frontdesk.server.json.Json;
import java.net.http.HttpResponse;
import java.util.Map;

/** Frontdesk's native API over HTTP. */
public final class NativeClient {
    private final String base;
    private final Http http = Http.plain();

    public NativeClient(String baseUrl) {
        this.base = baseUrl;
    }

    public HttpResponse<String> login(String username, String password, boolean force) {
        return http.post(base + "/api/v1/login", "application/json",
                Json.write(Map.of("username", username, "password", password, "force", force)));
    }

    /** Logs in and returns the session ID; fails the test otherwise. */
    public String loginOk(String username, String password) {
        HttpResponse<String> response = login(username, password, false);
        if (response.statusCode() != 201) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return Json.MAPPER.readTree(response.body()).get("session").asString();
    }

    public int sessionStatus(String sessionId) {
        return session(sessionId).statusCode();
    }

    public HttpResponse<String> session(String sessionId) {
        return http.get(base + "/api/v1/session", "X-Session-Token", sessionId);
    }

    public HttpResponse<String> logout(String sessionId) {
        return http.method("DELETE", base + "/api/v1/session", null, null, "X-Session-Token", sessionId);
    }
}
