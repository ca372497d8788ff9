package dev.frontdesk.server.http;

import dev.frontdesk.server.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing JSON answers. */
public final class Responses {
    private Responses() {
    }

    public static void json(ServerResponse response, int status, Object body) {
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(Json.bytes(body));
    }

    /** An answer already rendered as JSON bytes (see {@code Json.object}). */
    public static void json(ServerResponse response, int status, byte[] rendered) {
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(rendered);
    }

    /** Frontdesk's own error shape: {@code {"error": "...", "field": "..."}} (field only when known). */
    public static void error(ServerResponse response, int status, String error, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (field != null) {
            body.put("field", field);
        }
        json(response, status, body);
    }
}
