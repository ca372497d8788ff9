package dev.frontdesk.server.egain;

import dev.frontdesk.server.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * A JSON login body: an object with string fields {@code userName} (or {@code username}) and
 * {@code password}; other fields are ignored, as the XML reader ignores other elements. A field of
 * another type, a duplicated key, or both spellings of the user name are a 400. Depth and sizes are
 * bounded by the shared mapper's read constraints.
 */
final class JsonLoginReader {
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private JsonLoginReader() {
    }

    static LoginCredentials read(String text) {
        JsonNode root;
        try {
            root = READER.readTree(text);
        } catch (JacksonException e) {
            throw EgainError.badRequest("request.jsonMalformed");
        }
        if (root == null || !root.isObject()) {
            throw EgainError.badRequest("request.jsonMalformed");
        }
        if (root.has("userName") && root.has("username")) {
            throw EgainError.badRequest("field.duplicate", "userName");
        }
        String userName = string(root, root.has("username") ? "username" : "userName");
        String password = string(root, "password");
        return LoginCredentials.checked(userName, password);
    }

    private static String string(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw EgainError.badRequest("field.wrongType", field);
        }
        return value.asString();
    }
}
