package dev.frontdesk.server.ops;

import dev.frontdesk.server.http.Responses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Liveness, readiness (storage answers) and Prometheus metrics. Readiness also lists standing warnings
 * (storage that would lose sessions on its restart): they do not make the node unready.
 */
public final class HealthService implements HttpService {
    private final BooleanSupplier ready;
    private final Telemetry telemetry;

    public HealthService(BooleanSupplier ready, Telemetry telemetry) {
        this.ready = ready;
        this.telemetry = telemetry;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health/live", (req, res) -> Responses.json(res, 200, Map.of("status", "UP")))
                .get("/health/ready", this::ready)
                .get("/metrics", this::metrics);
    }

    private void ready(ServerRequest request, ServerResponse response) {
        boolean up = ready.getAsBoolean();
        List<String> warnings = telemetry.warnings();
        Responses.json(response, up ? 200 : 503, warnings.isEmpty() ? Map.of("status", up ? "UP" : "DOWN")
                : Map.of("status", up ? "UP" : "DOWN", "warnings", warnings));
    }

    private void metrics(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        response.send(telemetry.scrape());
    }
}
