package dev.frontdesk.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The console's HTTP conversation, by hand: sign-in, its cookie and CSRF token, admin API calls with them. */
final class ConsoleClient {
    static final String COOKIE = "frontdesk-console";

    private final String base;
    private final Http http = Http.plain();
    String cookie;
    String csrf;

    ConsoleClient(String baseUrl) {
        this.base = baseUrl;
    }

    HttpResponse<String> signIn(String password, String... headers) {
        return http.post(base + "/console/api/session", "application/json",
                Json.write(Map.of("username", "admin", "password", password)), headers);
    }

    /** Signs in as a named administrator, with a one-time code when {@code code} is not null. */
    HttpResponse<String> signInAs(String username, String password, String code) {
        Map<String, String> body = new java.util.LinkedHashMap<>(Map.of("username", username, "password", password));
        if (code != null) {
            body.put("code", code);
        }
        return http.post(base + "/console/api/session", "application/json", Json.write(body));
    }

    ConsoleClient signInAsOk(String username, String password, String code) {
        HttpResponse<String> response = signInAs(username, password, code);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        cookie = setCookie(response, COOKIE).orElseThrow();
        csrf = Json.MAPPER.readTree(response.body()).get("csrfToken").asString();
        return this;
    }

    /** Signs in and keeps the cookie and CSRF token; fails the test otherwise. */
    ConsoleClient signInOk(String password) {
        HttpResponse<String> response = signIn(password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        cookie = setCookie(response, COOKIE).orElseThrow();
        csrf = Json.MAPPER.readTree(response.body()).get("csrfToken").asString();
        return this;
    }

    HttpResponse<String> admin(String method, String path, Object body, String... extraHeaders) {
        List<String> headers = new ArrayList<>(List.of(extraHeaders));
        if (cookie != null) {
            headers.addAll(List.of("Cookie", COOKIE + "=" + cookie));
        }
        return http.method(method, base + "/admin/api/v1" + path, body == null ? null : "application/json",
                body == null ? null : Json.write(body), headers.toArray(String[]::new));
    }

    /** An admin API change with the right CSRF token. */
    HttpResponse<String> change(String method, String path, Object body, String... extraHeaders) {
        List<String> headers = new ArrayList<>(List.of("X-CSRF-Token", csrf));
        headers.addAll(List.of(extraHeaders));
        return admin(method, path, body, headers.toArray(String[]::new));
    }

    HttpResponse<String> session(String... extraHeaders) {
        List<String> headers = new ArrayList<>(List.of(extraHeaders));
        if (cookie != null) {
            headers.addAll(List.of("Cookie", COOKIE + "=" + cookie));
        }
        return http.get(base + "/console/api/session", headers.toArray(String[]::new));
    }

    HttpResponse<String> signOut(String... extraHeaders) {
        List<String> headers = new ArrayList<>(List.of(extraHeaders));
        if (cookie != null) {
            headers.addAll(List.of("Cookie", COOKIE + "=" + cookie));
        }
        return http.method("DELETE", base + "/console/api/session", null, null, headers.toArray(String[]::new));
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }

    /** The value of the named cookie in the response's Set-Cookie headers. */
    static Optional<String> setCookie(HttpResponse<String> response, String name) {
        return setCookieHeader(response, name).map(h -> h.substring(name.length() + 1, h.indexOf(';') < 0 ? h.length() : h.indexOf(';')));
    }

    static Optional<String> setCookieHeader(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(name + "=")).findFirst();
    }
}
