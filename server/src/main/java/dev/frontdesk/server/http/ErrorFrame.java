package dev.frontdesk.server.http;

import dev.frontdesk.core.support.StoreUnavailable;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.core.tenant.Tenant;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The one frame around every door's handlers: resolves the tenant, runs the handler, and turns every
 * exception into a {@link Failure} that the door's {@link ErrorWriter} writes in its own shape. The
 * rules are decided here once: a client mistake is 4xx, never 500; a store that does not answer is
 * 503 with {@code Retry-After} in every dialect (never a "logged out" body); anything else is logged
 * once, without request data, and answered 500 without a stack trace. Helidon's own
 * {@link RequestException}s (a body refused before routing) pass through to its direct handlers.
 */
public final class ErrorFrame {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorFrame.class);

    /** A door's handler, given the request's tenant. */
    @FunctionalInterface
    public interface TenantHandler {
        void handle(ServerRequest req, ServerResponse res, Tenant tenant);
    }

    /** Writes a failure in a door's shape; {@code tenant} is null when it could not be resolved. */
    @FunctionalInterface
    public interface ErrorWriter {
        void write(ServerRequest req, ServerResponse res, Tenant tenant, Failure failure);
    }

    /** Frontdesk's own JSON error shape ({@link Responses#error}): native API, admin API, console, health. */
    public static final ErrorWriter JSON = (req, res, tenant, failure) ->
            Responses.error(res, failure.status(), failure.message(), failure.field());

    private final Requests requests;

    public ErrorFrame(Requests requests) {
        this.requests = requests;
    }

    public Handler of(ErrorWriter writer, TenantHandler handler) {
        return (req, res) -> {
            Tenant tenant = null;
            try {
                tenant = requests.tenant(req);
                handler.handle(req, res, tenant);
            } catch (RequestException | CloseConnectionException e) {
                throw e;
            } catch (RuntimeException e) {
                answer(req, res, tenant, writer, e);
            }
        };
    }

    /** Classifies {@code error} and has {@code writer} answer it (used by the frame and the routing's error mappers). */
    public static void answer(ServerRequest req, ServerResponse res, Tenant tenant, ErrorWriter writer,
                              Throwable error) {
        if (res.isSent()) {
            return;
        }
        Failure failure = classify(req, error);
        if (failure.retryAfter() != null) {
            res.header(HeaderNames.RETRY_AFTER, String.valueOf(failure.retryAfter().toSeconds()));
        }
        writer.write(req, res, tenant, failure);
    }

    public static Failure classify(ServerRequest req, Throwable error) {
        return switch (error) {
            case BadRequest e -> Failure.client(e.status(), e.getMessage(), e.field());
            case Validation e -> Failure.client(400, e.getMessage(), e.field());
            case JacksonException e -> Failure.client(400, "malformed JSON", null);
            default -> {
                if (StoreUnavailable.isCause(error)) {
                    yield Failure.unavailable();
                }
                LOG.error("unhandled {} on {} {}", error.getClass().getName(), req.prologue().method().text(),
                        LogText.of(req.path().rawPath()), error);
                yield Failure.internal();
            }
        };
    }
}
