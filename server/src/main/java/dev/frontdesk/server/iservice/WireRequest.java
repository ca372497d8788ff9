package dev.frontdesk.server.iservice;

import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.JsonBodies;
import dev.frontdesk.server.http.Requests;
import io.helidon.webserver.http.ServerRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An iService request body, form-encoded or JSON, as fields whose names match case-insensitively
 * ({@code Password} = {@code password}). Unknown fields are ignored, as iService clients send page
 * fields along. JSON scalars become text; JSON objects are kept for the few calls that take one
 * ({@code properties} of {@code register}).
 */
record WireRequest(Map<String, String> fields, Map<String, JsonNode> objects) {
    private static final int MAX_JSON_FIELDS = 64;

    static WireRequest empty() {
        return new WireRequest(Map.of(), Map.of());
    }

    static WireRequest parse(ServerRequest request, Requests requests) {
        return parse(Requests.mediaType(request), requests.body(request));
    }

    /** Form-encoded or JSON fields, names lower-cased; {@link BadRequest} for anything malformed. */
    static WireRequest parse(String mediaType, byte[] body) {
        if (body.length == 0) {
            return empty();
        }
        if (isJson(mediaType) || (mediaType.isEmpty() && looksLikeJson(body))) {
            return fromJson(JsonBodies.tree(body));
        }
        if (mediaType.isEmpty() || mediaType.equals("application/x-www-form-urlencoded")) {
            Map<String, String> fields = new LinkedHashMap<>();
            Requests.form(body).forEach((k, v) -> fields.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
            return new WireRequest(Collections.unmodifiableMap(fields), Map.of());
        }
        throw BadRequest.unsupportedMediaType(mediaType);
    }

    private static WireRequest fromJson(JsonNode tree) {
        if (!tree.isObject()) {
            throw new BadRequest("request body must be a JSON object", null);
        }
        if (tree.size() > MAX_JSON_FIELDS) {
            throw new BadRequest("too many fields", null);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : tree.properties()) {
            String key = entry.getKey().toLowerCase(Locale.ROOT);
            JsonNode value = entry.getValue();
            if (value.isString() || value.isNumber() || value.isBoolean()) {
                fields.putIfAbsent(key, value.asString());
            } else if (value.isObject()) {
                objects.putIfAbsent(key, value);
            }
        }
        return new WireRequest(Collections.unmodifiableMap(fields), Collections.unmodifiableMap(objects));
    }

    /** The first of the named fields that is present (possibly empty), by case-insensitive name. */
    Optional<String> first(String... names) {
        for (String name : names) {
            String value = fields.get(name.toLowerCase(Locale.ROOT));
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The first of the named fields, trimmed, or "" when absent. */
    String text(String... names) {
        return first(names).map(String::trim).orElse("");
    }

    /** A password-like field: exactly as sent (no trimming), or "" when absent. */
    String secret(String... names) {
        return first(names).orElse("");
    }

    Optional<JsonNode> object(String name) {
        return Optional.ofNullable(objects.get(name.toLowerCase(Locale.ROOT)));
    }

    static boolean isTrue(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("yes") || v.equals("1") || v.equals("on");
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b == '{' || b == '[';
        }
        return false;
    }
}
