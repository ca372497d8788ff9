package dev.frontdesk.server.ops;

import dev.frontdesk.server.http.ClientAddresses;
import dev.frontdesk.server.http.LogText;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request: client, method, path, status, milliseconds. Never the query string,
 * headers or body, which may carry credentials, session IDs or reset codes. The path is the whole
 * path as the client sent it (mount prefixes such as {@code /admin/api/v1} included), escaped by
 * {@link LogText} so that no byte of it can start a line of its own.
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
                LOG.info("{} {} {} {} {}ms", LogText.of(addresses.of(request)),
                        LogText.of(request.prologue().method().text()), LogText.of(request.prologue().uriPath().rawPath()),
                        response.status().code(), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
