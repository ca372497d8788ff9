package dev.frontdesk.server.ops;

import dev.frontdesk.server.http.HttpDates;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Clock;
import java.util.Objects;

/**
 * Headers every answer carries: nothing here may be cached or sniffed; HSTS under TLS; and a
 * {@code Date} in RFC 9110 IMF-fixdate from the server's clock. Helidon writes its own {@code Date}
 * only when the answer has none, and its formatter (the JDK's RFC 1123) gives one-digit days
 * ({@code Tue, 1 Dec 2026}), which strict clients refuse.
 */
public final class SecurityHeadersFilter implements Filter {
    private final Clock clock;
    private final java.util.function.Predicate<io.helidon.webserver.http.ServerRequest> viaTls;

    public SecurityHeadersFilter(Clock clock, java.util.function.Predicate<io.helidon.webserver.http.ServerRequest> viaTls) {
        this.viaTls = viaTls;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        response.header(HeaderNames.DATE, HttpDates.format(clock.instant()));
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        if (viaTls.test(request)) {
            response.header(HeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000");
        }
        chain.proceed();
    }
}
