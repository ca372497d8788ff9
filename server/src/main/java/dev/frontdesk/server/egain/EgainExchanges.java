package dev.frontdesk.server.egain;

import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.ErrorFrame;
import dev.frontdesk.server.http.Failure;
import dev.frontdesk.server.http.OriginPolicy;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.RequestException;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectTransportRequest;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * eGain's part of the shared {@link ErrorFrame}: negotiates the answer's format and language (406 for
 * an {@code Accept-Language} naming none of the fifteen), runs the handler, and writes the dialect's
 * own {@link EgainError}s and the frame's failures (400, 415, 431, 503 + Retry-After, 500) in the eGain
 * error shape; a body over the limit (413) goes to {@link EgainDirectHandler}.
 */
final class EgainExchanges {
    private static final int MAX_LANGUAGE_HEADER = 1024;

    @FunctionalInterface
    interface EgainHandler {
        void handle(ServerRequest req, ServerResponse res, Exchange exchange, Tenant tenant);
    }

    private final ErrorFrame frame;

    EgainExchanges(ErrorFrame frame) {
        this.frame = frame;
    }

    /**
     * The handler of one resource: CORS for the tenant's allowed origins, the preflight, 405 with
     * {@code Allow} for a method the resource does not have, else {@code handler}.
     */
    Handler of(EgainDialect.Resource resource, EgainHandler handler) {
        EgainApi api = resource.api;
        String errorRoot = resource.errorRoot;
        ErrorFrame.ErrorWriter writer = (req, res, tenant, failure) -> {
            if (failure.kind() == Failure.Kind.TOO_LARGE) {
                throw tooLarge(req);
            }
            reply(res, tenant == null ? null : negotiated(api, req, tenant), api, translate(failure, api), errorRoot);
        };
        return frame.of(writer, (req, res, tenant) -> {
            OriginPolicy.vary(res);
            Optional<String> origin = OriginPolicy.origin(req).filter(o -> OriginPolicy.listed(o, tenant));
            if (Method.OPTIONS.equals(req.prologue().method())) {
                preflight(res, origin, resource);
                return;
            }
            origin.ifPresent(o -> OriginPolicy.actual(res, o, resource.cors));
            Exchange exchange = provisional(api, req.headers(), tenant);
            try {
                exchange = exchange.withLanguage(language(req.headers(), exchange.language()));
                if (!resource.method.equals(req.prologue().method())) {
                    throw new EgainError(405, "method.notAllowed").header("Allow", allowed(resource));
                }
                handler.handle(req, res, exchange, tenant);
            } catch (EgainError e) {
                reply(res, exchange, api, e, errorRoot);
            }
        });
    }

    /**
     * A preflight: 204 with the resource's CORS answer for an allowed origin; 204 with {@code Allow}
     * and no CORS header otherwise (a browser then refuses the real request; a script sees the methods).
     */
    private static void preflight(ServerResponse res, Optional<String> origin, EgainDialect.Resource resource) {
        if (origin.isPresent()) {
            OriginPolicy.preflight(res, origin.get(), resource.cors);
        } else {
            res.header(HeaderNames.ALLOW, allowed(resource));
        }
        res.status(204).send();
    }

    private static String allowed(EgainDialect.Resource resource) {
        return resource.method.text() + ", OPTIONS";
    }

    /** The exchange as negotiated, or with the tenant's language when negotiation itself failed. */
    private static Exchange negotiated(EgainApi api, ServerRequest req, Tenant tenant) {
        Exchange exchange = provisional(api, req.headers(), tenant);
        try {
            return exchange.withLanguage(language(req.headers(), exchange.language()));
        } catch (EgainError e) {
            return exchange;
        }
    }

    /**
     * The answer's format and the tenant's default language, before {@code Accept-Language} is
     * checked: what an error found while negotiating (the 406 itself) is written in.
     */
    static Exchange provisional(EgainApi api, ServerRequestHeaders headers, Tenant tenant) {
        return new Exchange(api, WireFormat.choose(headers.values(HeaderNames.ACCEPT), requestMediaType(headers)),
                EgainLanguage.fallback(tenant.settings().defaultLanguage()));
    }

    /** The {@code Accept-Language} choice; 406 when the header names none of the fifteen. */
    static EgainLanguage language(ServerRequestHeaders headers, EgainLanguage fallback) {
        List<String> values = headers.values(HeaderNames.ACCEPT_LANGUAGE);
        if (values.isEmpty()) {
            return fallback;
        }
        String header = String.join(",", values);
        if (header.length() > MAX_LANGUAGE_HEADER) {
            throw new EgainError(406, "language.unsupported");
        }
        Optional<EgainLanguage> chosen = EgainLanguage.negotiate(header, fallback);
        return chosen.orElseThrow(() -> new EgainError(406, "language.unsupported"));
    }

    private static EgainError translate(Failure failure, EgainApi api) {
        return switch (failure.kind()) {
            case UNAVAILABLE -> new EgainError(503, "server.unavailable");
            case INTERNAL -> new EgainError(500, "server.error");
            case CLIENT, TOO_LARGE -> switch (failure.status()) {
                case 415 -> new EgainError(415, "request.unsupportedType", api.supportedTypes());
                case 431 -> new EgainError(431, "request.headerTooLong");
                default -> EgainError.badRequest("request.invalid");
            };
        };
    }

    /**
     * A body over the limit is answered by {@link EgainDirectHandler}, as when the web server refuses a
     * declared length itself: that path closes the connection, so the rest of the body is never read.
     * Helidon's own {@link RequestException} for a chunked body over the limit passes through untouched.
     */
    private static RequestException tooLarge(ServerRequest req) {
        return RequestException.builder()
                .type(DirectHandler.EventType.BAD_REQUEST)
                .status(Status.REQUEST_ENTITY_TOO_LARGE_413)
                .request(DirectTransportRequest.create(req.prologue(), req.headers()))
                .setKeepAlive(false)
                .build();
    }

    private static void reply(ServerResponse res, Exchange exchange, EgainApi api, EgainError error, String root) {
        if (res.isSent()) {
            return;
        }
        Exchange target = exchange != null ? exchange : new Exchange(api, WireFormat.XML, EgainLanguage.EN_US);
        EgainReplies.error(res, target, error, root);
    }

    /** The request's media type for choosing the answer's format; a malformed one counts as none. */
    static String requestMediaType(ServerRequestHeaders headers) {
        try {
            return headers.contentType().map(t -> t.mediaType().text().toLowerCase(Locale.ROOT)).orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }
}
