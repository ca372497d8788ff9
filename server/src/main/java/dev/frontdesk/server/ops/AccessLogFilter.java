package dev.frontdesk.server.ops;

import dev.frontdesk.server.http.ClientAddresses;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request: client, method, path, status, milliseconds. Never the query string,
 * headers or body, which may carry credentials, session IDs or reset codes.
 */
public final class AccessLogFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger("frontdesk.access");
    private final ClientAddresses addresses;

    public AccessLogFilter(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            if (LOG.isInfoEnabled()) {
                String path = request.path().rawPath();
                LOG.info("{} {} {} {} {}ms", addresses.of(request), request.prologue().method().text(),
                        path.length() > 200 ? path.substring(0, 200) : path, response.status().code(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
