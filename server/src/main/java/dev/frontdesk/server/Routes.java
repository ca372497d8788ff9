package dev.frontdesk.server;

import dev.frontdesk.core.support.StoreUnavailable;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.server.admin.AdminApi;
import dev.frontdesk.server.console.ConsoleService;
import dev.frontdesk.server.egain.EgainDialect;
import dev.frontdesk.server.genesys.SrsDialect;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.ConnectionCloseFilter;
import dev.frontdesk.server.http.HeaderLimits;
import dev.frontdesk.server.http.UnreadBodyFilter;
import dev.frontdesk.server.http.LogText;
import dev.frontdesk.server.http.OversizedBodyFilter;
import dev.frontdesk.server.http.Responses;
import dev.frontdesk.server.iservice.IServiceDialect;
import dev.frontdesk.server.nativeapi.NativeApi;
import dev.frontdesk.server.ops.AccessLogFilter;
import dev.frontdesk.server.ops.HealthService;
import dev.frontdesk.server.ops.SecurityHeadersFilter;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every route and error mapping of the server, in one place. A dialect adds one line here. */
public final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private Routes() {
    }

    /** A store does not answer: 503 and a hint when to retry, never a 401 that would drop the user. */
    public static void unavailable(ServerResponse res) {
        res.header(HeaderNames.RETRY_AFTER, "5");
        Responses.error(res, 503, "unavailable", null);
    }

    public static void register(HttpRouting.Builder routing, Services services) {
        routing.addFilter(new ConnectionCloseFilter());
        if (services.config().accessLog()) {
            routing.addFilter(new AccessLogFilter(services.addresses()));
        }
        routing.addFilter(new SecurityHeadersFilter())
                .addFilter(new HeaderLimits(services.requests().deadlines()))
                .addFilter(new UnreadBodyFilter(services.requests()))
                .addFilter(new OversizedBodyFilter(services.config().maxBodyBytes(), services.requests().deadlines()))
                .register(new HealthService(services::isReady, services.telemetry(), services.addresses(),
                        services.config().metricsToken()))
                .register(new NativeApi(services.core(), services.requests()))
                .register("/admin/api/v1", new AdminApi(services.core(), services.requests(), services.adminAuth()))
                .register(new EgainDialect(services))
                .register(new IServiceDialect(services))
                .register(new SrsDialect(services))
                .register("/console", new ConsoleService(services))
                .error(BadRequest.class, (req, res, e) -> Responses.error(res, e.status(), e.getMessage(), e.field()))
                .error(Validation.class, (req, res, e) -> Responses.error(res, 400, e.getMessage(), e.field()))
                .error(AdminApi.NotFound.class, (req, res, e) -> Responses.error(res, 404, e.getMessage(), null))
                .error(StoreUnavailable.class, (req, res, e) -> unavailable(res))
                .error(HttpException.class, (req, res, e) -> Responses.error(res, e.status().code(),
                        e.status().reasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_'), null))
                // the web server's word for a client mistake met while a route read the request (chunked
                // framing): its status, no stack trace, and its message (which may quote the bytes) unlogged
                .error(RequestException.class, (req, res, e) -> {
                    if (e.status().code() >= 500) {
                        LOG.error("web server error on {} {}", LogText.of(req.prologue().method().text()),
                                LogText.of(req.prologue().uriPath().rawPath()));
                    }
                    res.header(HeaderValues.CONNECTION_CLOSE);
                    Responses.error(res, e.status().code() >= 500 ? 500 : e.status().code(),
                            e.status().code() == 413 ? "request_entity_too_large" : "bad_request", null);
                })
                .error(Exception.class, (req, res, e) -> {
                    if (StoreUnavailable.isCause(e)) {
                        unavailable(res);
                        return;
                    }
                    LOG.error("unhandled {} on {} {}", e.getClass().getName(), LogText.of(req.prologue().method().text()),
                            LogText.of(req.prologue().uriPath().rawPath()), e);
                    Responses.error(res, 500, "internal_error", null);
                });
    }
}
