package dev.frontdesk.server.ops;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/** Headers every answer carries: nothing here may be cached or sniffed; HSTS under TLS. */
public final class SecurityHeadersFilter implements Filter {
    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        if (request.isSecure()) {
            response.header(HeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000");
        }
        chain.proceed();
    }
}
