package dev.frontdesk.server.egain;

import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.Tenants;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The web server refuses a body whose declared {@code Content-Length} exceeds the limit before any
 * route runs (and without reading it). For the eGain paths (every version: the dialect's one rule,
 * {@link EgainDialect#endpoint}) this writes that 413 in the eGain error shape — format from
 * {@code Accept}/{@code Content-Type}, language from
 * {@code Accept-Language} or the tenant's default — and closes the connection; every other event
 * goes to the fallback handler unchanged. Register it for {@link DirectHandler.EventType#BAD_REQUEST}.
 */
public final class EgainDirectHandler implements DirectHandler {
    private final Tenants tenants;
    private final long maxBodyBytes;
    private final DirectHandler fallback;

    public EgainDirectHandler(Tenants tenants, long maxBodyBytes, DirectHandler fallback) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.maxBodyBytes = maxBodyBytes;
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        Optional<EgainDialect.Endpoint> endpoint = defaultStatus.code() == 413
                ? EgainDialect.endpoint(request.path()) : Optional.empty();
        if (endpoint.isEmpty()) {
            return fallback.handle(request, eventType, defaultStatus, responseHeaders, message);
        }
        Tenant tenant = tenants.forHost(request.headers().first(HeaderNames.HOST).orElse(null));
        Exchange exchange = EgainExchanges.provisional(endpoint.get().api(), request.headers(), tenant);
        try {
            exchange = exchange.withLanguage(EgainExchanges.language(request.headers(), exchange.language()));
        } catch (EgainError | IllegalArgumentException unsupported) {
            // the body is the problem here: answer 413 in the tenant's default language
        }
        String text = EgainMessages.text(exchange.language(), "request.tooLarge", maxBodyBytes);
        byte[] body = EgainReplies.errorBody(exchange, endpoint.get().errorRoot(), text)
                .getBytes(StandardCharsets.UTF_8);
        return TransportResponse.builder()
                .status(Status.REQUEST_ENTITY_TOO_LARGE_413)
                .headers(responseHeaders)
                .header(HeaderNames.CONTENT_TYPE, exchange.format().mediaType())
                .header(HeaderNames.CONTENT_LANGUAGE, exchange.language().code())
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .keepAlive(false)
                .entity(body)
                .build();
    }
}
