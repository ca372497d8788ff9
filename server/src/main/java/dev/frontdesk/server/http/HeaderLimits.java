package dev.frontdesk.server.http;

import io.helidon.http.Header;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http1.Http1ConnectionListener;

/**
 * The request head's limits, decided once for every door. The web server reads at most
 * {@link #MAX_HEADER_BLOCK} bytes of headers (431 beyond, from {@link EdgeDirectHandler}); this filter
 * refuses any single header value over {@link Requests#MAX_HEADER_VALUE} (8 KiB) with 431 before a route
 * runs, whether or not the route reads that header. As a connection listener it also arms the header
 * read deadline when a request line has arrived and disarms it when the headers are in
 * ({@link ReadDeadlines}).
 */
public final class HeaderLimits implements Filter, Http1ConnectionListener {
    /** The whole header block: a few headers at the value limit plus ordinary ones. */
    public static final int MAX_HEADER_BLOCK = 32 * 1024;

    private final ReadDeadlines deadlines;

    public HeaderLimits(ReadDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        deadlines.armHeaders();
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        deadlines.disarmCurrent();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        for (Header header : request.headers()) {
            for (String value : header.allValues()) {
                if (value.length() > Requests.MAX_HEADER_VALUE) {
                    response.header(io.helidon.http.HeaderValues.CONNECTION_CLOSE);
                    Responses.error(response, 431, "request_header_fields_too_large", null);
                    return;
                }
            }
        }
        chain.proceed();
    }
}
