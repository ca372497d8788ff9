package dev.frontdesk.server.egain;

import dev.frontdesk.core.support.StoreUnavailable;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.Requests;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame around every eGain handler: negotiates the answer's format and language (406 for an
 * {@code Accept-Language} naming none of the fifteen), runs the handler, and turns every refusal —
 * the dialect's own {@link EgainError}s, the shared helpers' {@link BadRequest}s (415, 431) and
 * real faults (500, logged without request data) — into the eGain error shape; a body over the limit
 * (413) goes to {@link EgainDirectHandler}. Nothing a client sends reaches the generic error mappers.
 */
final class EgainExchanges {
    private static final Logger LOG = LoggerFactory.getLogger(EgainExchanges.class);
    private static final int MAX_LANGUAGE_HEADER = 1024;

    @FunctionalInterface
    interface EgainHandler {
        void handle(ServerRequest req, ServerResponse res, Exchange exchange, Tenant tenant);
    }

    private final Requests requests;

    EgainExchanges(Requests requests) {
        this.requests = requests;
    }

    /**
     * @param errorRoot the XML error element: {@code error} (login) or {@code Error} (logout)
     */
    Handler of(EgainApi api, String errorRoot, EgainHandler handler) {
        return (req, res) -> {
            Exchange exchange = null;
            try {
                Tenant tenant = requests.tenant(req);
                exchange = provisional(api, req.headers(), tenant);
                exchange = exchange.withLanguage(language(req.headers(), exchange.language()));
                handler.handle(req, res, exchange, tenant);
            } catch (EgainError e) {
                reply(res, exchange, api, e, errorRoot);
            } catch (BadRequest e) {
                if (e.status() == 413) {
                    throw tooLarge(req);
                }
                reply(res, exchange, api, translate(e, api), errorRoot);
            } catch (RequestException | CloseConnectionException e) {
                throw e;
            } catch (RuntimeException e) {
                if (StoreUnavailable.isCause(e)) {
                    reply(res, exchange, api, new EgainError(503, "server.unavailable").header("Retry-After", "5"),
                            errorRoot);
                    return;
                }
                LOG.error("eGain {} request failed with {}", api, e.getClass().getName(), e);
                reply(res, exchange, api, new EgainError(500, "server.error"), errorRoot);
            }
        };
    }

    /** A handler that answers 405 with {@code Allow} for any other method on a known path. */
    Handler methodNotAllowed(EgainApi api, String errorRoot, String allowed) {
        return of(api, errorRoot, (req, res, exchange, tenant) -> {
            throw new EgainError(405, "method.notAllowed").header("Allow", allowed);
        });
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

    private static EgainError translate(BadRequest e, EgainApi api) {
        return switch (e.status()) {
            case 415 -> new EgainError(415, "request.unsupportedType", api.supportedTypes());
            case 431 -> new EgainError(431, "request.headerTooLong");
            default -> EgainError.badRequest("request.invalid");
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
