package dev.frontdesk.server.iservice;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/** A browser-like iService client for tests: keeps its cookies between calls. */
final class IServiceClient {
    static final String COOKIE = "iservice-session";

    private final String base;
    private final Http http;

    IServiceClient(TestServer server) {
        this(server.baseUrl(), Http.withCookies());
    }

    IServiceClient(String baseUrl, Http http) {
        this.base = baseUrl;
        this.http = http;
    }

    static String url(String baseUrl, String api) {
        return baseUrl + "/f/webapp-api-login?api=" + api;
    }

    /** A form-encoded POST: alternating names and values. */
    Result form(String api, String... fields) {
        return new Result(http.post(url(base, api), "application/x-www-form-urlencoded", formBody(fields)));
    }

    Result json(String api, Object body) {
        return new Result(http.post(url(base, api), "application/json",
                body instanceof String s ? s : Json.write(body)));
    }

    Result raw(String method, String api, String contentType, String body, String... headers) {
        return new Result(http.method(method, url(base, api), contentType, body, headers));
    }

    static String formBody(String... fields) {
        StringJoiner joiner = new StringJoiner("&");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            joiner.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return joiner.toString();
    }

    /** One answer: status, parsed body, and the raw response for headers. */
    record Result(HttpResponse<String> response, JsonNode body) {
        Result(HttpResponse<String> response) {
            this(response, Json.MAPPER.readTree(response.body()));
        }

        int status() {
            return response.statusCode();
        }

        JsonNode loggedIn() {
            return body.get("loggedIn");
        }

        boolean isLoggedIn() {
            return loggedIn().get("isLoggedIn").asBoolean();
        }

        List<String> errors() {
            List<String> errors = new ArrayList<>();
            body.get("errors").forEach(e -> errors.add(e.asString()));
            return errors;
        }

        String contactId() {
            return loggedIn().get("contactID").asString();
        }

        /** The Set-Cookie header for the session cookie, if the answer set one. */
        Optional<String> setCookie() {
            return response.headers().allValues("set-cookie").stream()
                    .filter(c -> c.startsWith(COOKIE + "=")).findFirst();
        }

        /** The session ID the answer's cookie carries ("" when it clears the cookie). */
        Optional<String> sessionId() {
            return setCookie().map(c -> {
                String first = c.split(";", 2)[0];
                return first.substring(first.indexOf('=') + 1);
            });
        }
    }
}
