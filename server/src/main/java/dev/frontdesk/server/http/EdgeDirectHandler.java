package dev.frontdesk.server.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What the web server answers itself, before any route runs: a request line or header block it cannot
 * parse or that is over its limits, broken framing. The answer is Frontdesk's JSON error shape with a
 * fixed word per status; the web server's message is used to tell an oversized header block (431) from
 * other mistakes (400) and is never echoed, since it can quote the client's bytes. The connection is
 * closed after it, as the web server does for every such event.
 */
public final class EdgeDirectHandler implements DirectHandler {
    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        Status status = defaultStatus;
        if (eventType == EventType.BAD_REQUEST && message != null
                && message.toLowerCase(Locale.ROOT).contains("header size exceeded")) {
            status = Status.create(431, "Request Header Fields Too Large");
        }
        String word = switch (status.code()) {
            case 413 -> "request_entity_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "request_header_fields_too_large";
            case 500 -> "internal_error";
            case 501 -> "not_implemented";
            case 503 -> "unavailable";
            default -> status.code() >= 500 ? "server_error" : "bad_request";
        };
        return TransportResponse.builder()
                .status(status)
                .headers(responseHeaders)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .keepAlive(false)
                .entity(("{\"error\":\"" + word + "\"}").getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
