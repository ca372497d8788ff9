package dev.frontdesk.server.iservice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an endpoint answers: {@code {"loggedIn": {...}, "errors": [...]}} (plus {@code extra} fields,
 * such as registeropenid's GUID). Business outcomes are HTTP 200; only protocol mistakes are 4xx.
 */
record Reply(int status, Map<String, Object> loggedIn, List<String> errors, Map<String, Object> extra) {
    Reply {
        errors = List.copyOf(errors);
        extra = Map.copyOf(extra);
    }

    static Reply ok(Map<String, Object> loggedIn) {
        return new Reply(200, loggedIn, List.of(), Map.of());
    }

    static Reply failed(Map<String, Object> loggedIn, List<String> errors) {
        return new Reply(200, loggedIn, errors, Map.of());
    }

    static Reply failed(Map<String, Object> loggedIn, String error) {
        return failed(loggedIn, List.of(error));
    }

    Reply with(String field, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(field, value);
        return new Reply(status, loggedIn, errors, more);
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loggedIn", loggedIn);
        body.put("errors", errors);
        body.putAll(extra);
        return body;
    }
}
