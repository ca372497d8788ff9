package dev.frontdesk.server.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import java.time.Clock;
import java.util.Objects;

/**
 * Answers the web server writes before any route runs (a body declared too large, a malformed
 * request) get the same RFC 9110 {@code Date} as routed answers ({@code ops/SecurityHeadersFilter}):
 * from the server's clock, two-digit day. Wraps the direct handler that writes the answer.
 */
public final class DatedDirectHandler implements DirectHandler {
    private final Clock clock;
    private final DirectHandler delegate;

    public DatedDirectHandler(Clock clock, DirectHandler delegate) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        responseHeaders.set(HeaderNames.DATE, HttpDates.format(clock.instant()));
        return delegate.handle(request, eventType, defaultStatus, responseHeaders, message);
    }
}
