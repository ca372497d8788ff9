package dev.frontdesk.server.ops;

import dev.frontdesk.server.http.Responses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Liveness, readiness (storage answers) and Prometheus metrics. */
public final class HealthService implements HttpService {
    /** Probe paths: deploy/kubernetes and load balancers point at these. */
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";

    private final BooleanSupplier ready;
    private final Telemetry telemetry;

    public HealthService(BooleanSupplier ready, Telemetry telemetry) {
        this.ready = ready;
        this.telemetry = telemetry;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(LIVE, (req, res) -> Responses.json(res, 200, Map.of("status", "UP")))
                .get(READY, this::ready)
                .get("/metrics", this::metrics);
    }

    private void ready(ServerRequest request, ServerResponse response) {
        boolean up = ready.getAsBoolean();
        Responses.json(response, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
    }

    private void metrics(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        response.send(telemetry.scrape());
    }
}
