package dev.frontdesk.server.ops;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Times every request into {@code frontdesk_http_requests_seconds} (a histogram tagged route, method, status
 * and dialect). Cardinality stays bounded by construction: the route is the template that matched (never the
 * raw path, which carries tenant names, account IDs and whatever a scanner tries), "unmatched" otherwise; the
 * method is one of the standard ones or "other"; the dialect comes from a fixed table of path prefixes.
 */
public final class HttpMetricsFilter implements Filter {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** Path prefixes and their dialect, the first match wins; the same split as the OpenAPI documents. */
    private static final List<Map.Entry<String, String>> DIALECTS = List.of(
            Map.entry("/api/v1/", "native"), Map.entry("/oauth2/", "oauth"), Map.entry("/admin/api/v1/", "admin"),
            Map.entry("/auth/verify", "gateway"), Map.entry("/ws/", "egain"), Map.entry("/system/ws/", "egain"),
            Map.entry("/f/webapp-api-login", "iservice"), Map.entry("/api/v2/", "srs"), Map.entry("/ping", "srs"),
            Map.entry("/version", "srs"), Map.entry("/console", "console"), Map.entry("/health/", "ops"),
            Map.entry("/metrics", "ops"), Map.entry("/openapi", "ops"));

    private final Telemetry telemetry;

    public HttpMetricsFilter(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long start = System.nanoTime();
        String dialect = dialect(request.path().rawPath()); // before routing: a service's routes see relative paths
        try {
            chain.proceed();
        } finally {
            String method = request.prologue().method().text();
            telemetry.recordRequest(request.matchingPattern().orElse("unmatched"),
                    METHODS.contains(method) ? method : "other", response.status().code(),
                    dialect, System.nanoTime() - start);
        }
    }

    /** The dialect a path belongs to: one of a fixed set of names, "other" for the rest. */
    public static String dialect(String path) {
        for (Map.Entry<String, String> entry : DIALECTS) {
            if (path.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return "other";
    }
}
