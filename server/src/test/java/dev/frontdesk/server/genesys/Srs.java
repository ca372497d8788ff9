package dev.frontdesk.server.genesys;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Speaking the SRS dialect in tests: requests with explicit headers and the JSESSIONID cookie by hand. */
final class Srs {
    static final String PASSWORD = "Correct-Horse-42";
    static final String LOGOUT = "{\"operationName\":\"EndContactCenterSession\"}";

    private final Http http = Http.plain();
    private final String base;

    Srs(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path, String... headers) {
        return http.get(base + path, headers);
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        return http.post(base + path, "application/json", json, headers);
    }

    HttpResponse<String> options(String path, String... headers) {
        return http.method("OPTIONS", base + path, null, null, headers);
    }

    /** GET /api/v2/me with Basic credentials (and any further headers). */
    HttpResponse<String> login(String user, String password, String... headers) {
        return get("/api/v2/me", with(headers, "Authorization", Http.basic(user, password)));
    }

    /** Logs in and returns the session cookie's value; fails the test when the login does not succeed. */
    String session(String user, String... headers) {
        HttpResponse<String> response = login(user, PASSWORD, headers);
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + user + " -> " + response.statusCode() + " " + response.body());
        }
        return cookieValue(response).orElseThrow(() -> new AssertionError("no JSESSIONID cookie"));
    }

    static String cookie(String session) {
        return "JSESSIONID=" + session;
    }

    static String basic(String user) {
        return Http.basic(user, PASSWORD);
    }

    static Optional<String> setCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
    }

    static Optional<String> cookieValue(HttpResponse<?> response) {
        return setCookie(response).map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';') < 0 ? c.length()
                : c.indexOf(';')));
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }

    static String[] with(String[] headers, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(headers));
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }
}
