package dev.frontdesk.server.http;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Closes the connection after an answer that says {@code Connection: close}. Helidon 4.5.0 sends the
 * header but keeps the socket open (helidon-io/helidon#12324, fixed in later 4.5 releases that this
 * Maven mirror does not serve), so a client reading until end of stream would wait for its timeout.
 * Throwing {@link CloseConnectionException} once the answer is out makes the server close it.
 */
public final class ConnectionCloseFilter implements Filter {
    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        chain.proceed();
        if (response.isSent() && (request.headers().contains(HeaderValues.CONNECTION_CLOSE)
                || response.headers().contains(HeaderValues.CONNECTION_CLOSE))) {
            throw new CloseConnectionException("Connection: close");
        }
    }
}
