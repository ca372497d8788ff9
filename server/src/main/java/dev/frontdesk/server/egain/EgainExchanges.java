package dev.frontdesk.server.egain;

import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.Requests;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame around every eGain handler: negotiates the answer's format and language (406 for an
 * {@code Accept-Language} naming none of the fifteen), runs the handler, and turns every refusal —
 * the dialect's own {@link EgainError}s, the shared helpers' {@link BadRequest}s (413, 415, 431) and
 * real faults (500, logged without request data) — into the eGain error shape. Nothing a client
 * sends reaches Frontdesk's generic error mappers.
 */
final class EgainExchanges {
    private static final Logger LOG = LoggerFactory.getLogger(EgainExchanges.class);
    private static final int MAX_LANGUAGE_HEADER = 1024;

    @FunctionalInterface
    interface EgainHandler {
        void handle(ServerRequest req, ServerResponse res, Exchange exchange, Tenant tenant);
    }

    private final Requests requests;
    private final long maxBodyBytes;

    EgainExchanges(Requests requests, long maxBodyBytes) {
        this.requests = requests;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @param errorRoot the XML error element: {@code error} (login) or {@code Error} (logout)
     */
    Handler of(EgainApi api, String errorRoot, EgainHandler handler) {
        return (req, res) -> {
            Exchange exchange = null;
            try {
                Tenant tenant = requests.tenant(req);
                EgainLanguage fallback = EgainLanguage.fallback(tenant.settings().defaultLanguage());
                exchange = new Exchange(api, WireFormat.choose(req.headers().values(HeaderNames.ACCEPT),
                        requestMediaType(req)), fallback);
                exchange = exchange.withLanguage(language(req, fallback));
                handler.handle(req, res, exchange, tenant);
            } catch (EgainError e) {
                reply(res, exchange, api, e, errorRoot);
            } catch (BadRequest e) {
                reply(res, exchange, api, translate(e, api), errorRoot);
            } catch (RuntimeException e) {
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

    private static EgainLanguage language(ServerRequest req, EgainLanguage fallback) {
        List<String> values = req.headers().values(HeaderNames.ACCEPT_LANGUAGE);
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

    private EgainError translate(BadRequest e, EgainApi api) {
        return switch (e.status()) {
            case 413 -> new EgainError(413, "request.tooLarge", maxBodyBytes);
            case 415 -> new EgainError(415, "request.unsupportedType", api.supportedTypes());
            case 431 -> new EgainError(431, "request.headerTooLong");
            default -> EgainError.badRequest("request.invalid");
        };
    }

    private static void reply(ServerResponse res, Exchange exchange, EgainApi api, EgainError error, String root) {
        if (res.isSent()) {
            return;
        }
        Exchange target = exchange != null ? exchange : new Exchange(api, WireFormat.XML, EgainLanguage.EN_US);
        EgainReplies.error(res, target, error, root);
    }

    /** The request's media type for choosing the answer's format; a malformed one counts as none. */
    static String requestMediaType(ServerRequest req) {
        try {
            return Requests.mediaType(req);
        } catch (BadRequest e) {
            return "";
        }
    }
}
