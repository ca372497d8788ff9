package dev.frontdesk.server.ops;

import dev.frontdesk.server.http.ClientAddresses;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.Responses;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Liveness, readiness (storage answers) and Prometheus metrics. Metrics tell an outsider how many
 * sessions there are, how often logins fail and how long hashing takes, so {@code /metrics} answers a
 * client on the host itself (a loopback address, after {@code trustedProxies} are applied) and anyone
 * else only with {@code Authorization: Bearer <metricsToken>}; without a configured token it is 403 for
 * everyone else. The token is compared in constant time.
 * Readiness also lists standing warnings (storage that would lose sessions on its restart): they do not
 * make the node unready.
 */
public final class HealthService implements HttpService {
    /** Probe paths: deploy/kubernetes and load balancers point at these. */
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";

    private final BooleanSupplier ready;
    private final Telemetry telemetry;
    private final ClientAddresses addresses;
    private final byte[] metricsToken;

    public HealthService(BooleanSupplier ready, Telemetry telemetry, ClientAddresses addresses, String metricsToken) {
        this.ready = ready;
        this.telemetry = telemetry;
        this.addresses = addresses;
        this.metricsToken = metricsToken == null ? null : metricsToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(LIVE, (req, res) -> Responses.json(res, 200, Map.of("status", "UP")))
                .get(READY, this::ready)
                .get("/metrics", this::metrics);
    }

    private void ready(ServerRequest request, ServerResponse response) {
        boolean up = ready.getAsBoolean();
        List<String> warnings = telemetry.warnings();
        Responses.json(response, up ? 200 : 503, warnings.isEmpty() ? Map.of("status", up ? "UP" : "DOWN")
                : Map.of("status", up ? "UP" : "DOWN", "warnings", warnings));
    }

    private void metrics(ServerRequest request, ServerResponse response) {
        if (!mayReadMetrics(request)) {
            Responses.error(response, 403, "forbidden", null);
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        response.send(telemetry.scrape());
    }

    private boolean mayReadMetrics(ServerRequest request) {
        if (isLoopback(addresses.of(request))) {
            return true;
        }
        if (metricsToken == null) {
            return false;
        }
        return Requests.bearerToken(request)
                .map(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), metricsToken))
                .orElse(false);
    }

    /** True for a loopback IP literal; anything else (never a host name: no lookup) is false. */
    private static boolean isLoopback(String address) {
        if (address == null || address.isEmpty() || !address.chars().allMatch(c -> c == '.' || c == ':'
                || Character.digit(c, 16) >= 0)) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
