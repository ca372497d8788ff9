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
 * {@link LogText} so that no byte of it can start a line of its own. The same five values travel as
 * key-value pairs ({@code client}, {@code method}, {@code path}, {@code status}, {@code ms}), which the
 * JSON log format ({@code logFormat: json}) writes as fields.
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
                String path = LogText.of(request.prologue().uriPath().rawPath());
                String client = LogText.of(addresses.of(request));
                String method = LogText.of(request.prologue().method().text());
                int status = response.status().code();
                long ms = (System.nanoTime() - start) / 1_000_000;
                LOG.atInfo().addKeyValue("client", client).addKeyValue("method", method).addKeyValue("path", path)
                        .addKeyValue("status", status).addKeyValue("ms", ms)
                        .log("{} {} {} {} {}ms", client, method, path, status, ms);
            }
        }
    }
}
