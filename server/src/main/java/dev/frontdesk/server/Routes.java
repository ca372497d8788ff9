package dev.frontdesk.server;

import dev.frontdesk.core.support.StoreUnavailable;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.server.admin.AdminApi;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.ConnectionCloseFilter;
import dev.frontdesk.server.http.ErrorFrame;
import dev.frontdesk.server.http.HeaderLimits;
import dev.frontdesk.server.http.LogText;
import dev.frontdesk.server.http.OversizedBodyFilter;
import dev.frontdesk.server.http.ReadDeadlines;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.Responses;
import dev.frontdesk.server.http.UnreadBodyFilter;
import dev.frontdesk.server.ops.AccessLogFilter;
import dev.frontdesk.server.ops.HttpMetricsFilter;
import dev.frontdesk.server.ops.OpenApiService;
import dev.frontdesk.server.ops.SecurityHeadersFilter;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route and error mapping of the server, in one place. A dialect adds one line to
 * {@link Doors}. Errors that escape a door's own {@link ErrorFrame} (the native and admin APIs, which
 * use Frontdesk's JSON shape) are answered here by the same classification.
 */
public final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private Routes() {
    }

    /** The doors, built by the composition root, each given only what it uses. */
    public record Doors(HttpService health, HttpService nativeApi, HttpService oauth, HttpService admin,
                        HttpService egain, HttpService iservice, HttpService srs, HttpService gateway,
                        HttpService console) {
    }

    /** What the filters need. */
    public record Edge(HttpMetricsFilter metrics, AccessLogFilter accessLog, Requests requests, ReadDeadlines deadlines,
                       long maxBodyBytes, Clock clock) {
    }

    public static void register(HttpRouting.Builder routing, Edge edge, Doors doors) {
        routing.addFilter(edge.metrics());
        routing.addFilter(new ConnectionCloseFilter());
        if (edge.accessLog() != null) {
            routing.addFilter(edge.accessLog());
        }
        routing.addFilter(new SecurityHeadersFilter(edge.clock(), edge.requests()::viaTls))
                .addFilter(new HeaderLimits(edge.deadlines()))
                .addFilter(new UnreadBodyFilter(edge.requests()))
                .addFilter(new OversizedBodyFilter(edge.maxBodyBytes(), edge.deadlines()))
                .register(doors.health())
                .register(new OpenApiService())
                .register(doors.nativeApi())
                .register(doors.oauth())
                .register("/admin/api/v1", doors.admin())
                .register(doors.egain())
                .register(doors.iservice())
                .register(doors.srs())
                .register(doors.gateway())
                .register("/console", doors.console())
                .error(BadRequest.class, (req, res, e) -> ErrorFrame.answer(req, res, null, ErrorFrame.JSON, e))
                .error(Validation.class, (req, res, e) -> ErrorFrame.answer(req, res, null, ErrorFrame.JSON, e))
                .error(AdminApi.NotFound.class, (req, res, e) -> Responses.error(res, 404, e.getMessage(), null))
                .error(StoreUnavailable.class, (req, res, e) -> ErrorFrame.answer(req, res, null, ErrorFrame.JSON, e))
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
                .error(Exception.class, (req, res, e) -> ErrorFrame.answer(req, res, null, ErrorFrame.JSON, e));
    }
}
