package dev.frontdesk.server.http;

import dev.frontdesk.core.support.Validation;
import dev.frontdesk.server.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** JSON request bodies to values, with every parse failure turned into a {@link BadRequest} naming the field. */
public final class JsonBodies {
    private JsonBodies() {
    }

    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new BadRequest("request body is required", null);
        }
        requireUtf8(body);
        try {
            T value = Json.MAPPER.readValue(body, type);
            if (value == null) {
                throw new BadRequest("request body must be a JSON object", null);
            }
            return value;
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    public static JsonNode tree(byte[] body) {
        if (body.length == 0) {
            throw new BadRequest("request body is required", null);
        }
        requireUtf8(body);
        try {
            return Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    /** Strict UTF-8, with a fast path for the common all-ASCII body (no decoder, no string made). */
    private static void requireUtf8(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                Requests.utf8(body);
                return;
            }
        }
    }

    public static BadRequest translate(JacksonException e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof Validation v) {
                return new BadRequest(v.getMessage(), v.field());
            }
            cause = cause.getCause();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new BadRequest("unknown field: " + u.getPropertyName(), path(e));
        }
        if (e instanceof DatabindException) {
            String field = path(e);
            return new BadRequest(field == null ? "request body has the wrong shape" : "wrong type or value for " + field,
                    field);
        }
        if (e instanceof StreamReadException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate Object property")) {
            return new BadRequest("duplicate field in JSON object", path(e));
        }
        return new BadRequest("malformed JSON", null);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
