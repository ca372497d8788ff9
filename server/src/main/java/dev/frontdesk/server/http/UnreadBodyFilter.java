package dev.frontdesk.server.http;

import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * A body the route did not read (a 404, a refused method, an early 401) is read and discarded here,
 * after the answer, within the body read timeout. Left to the web server, it would be consumed without
 * any deadline, so a client trickling such a body could hold the connection; a body that breaks its
 * chunked framing would surface as a server error. Either way the connection is closed instead.
 */
public final class UnreadBodyFilter implements Filter {
    private final Requests requests;

    public UnreadBodyFilter(Requests requests) {
        this.requests = requests;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        chain.proceed();
        if (request.content().hasEntity() && !request.content().consumed() && response.isSent()
                && !requests.drain(request)) {
            throw new CloseConnectionException("request body unreadable or late");
        }
    }
}
