package dev.frontdesk.server.genesys;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.login.LoginResult;
import dev.frontdesk.core.session.EndReason;
import dev.frontdesk.core.session.PlaceTaken;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.session.SessionRequest;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.account.AgentProvisioning;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.ops.Version;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.BasicCredentials;
import dev.frontdesk.server.http.ErrorFrame;
import dev.frontdesk.server.http.Failure;
import dev.frontdesk.server.http.JsonBodies;
import dev.frontdesk.server.http.OriginPolicy;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.Responses;
import dev.frontdesk.server.http.SessionCookies;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Genesys Screen Recording Service (/api/v2/me, /ping, /version) dialect.
 *
 * <p>Who a request speaks for: a Basic header starts a login (a new session) unless the request's
 * {@code JSESSIONID} already is a live SRS session of that same user, which then serves the request
 * as a cookie would (as Spring Security, behind the real Web Services API, skips re-authentication).
 * A new login replaces the session of the cookie it came with. Sessions get the tenant's
 * {@code srsPingTimeoutSeconds} as their idle timeout, so the core ends a session whose pings stop;
 * a tenant whose desktops never ping (GWS-style widgets) sets {@code srsPingRequired: false}, and its SRS
 * sessions then get the agent idle timeout like any other agent session.
 *
 * <p>Cookie-carried POSTs are state changes a foreign page could forge: they need an {@code Origin}
 * the tenant allows (or this server's own, or none for non-browser clients), and, on a session
 * opened with {@code X-Support-CSRFP: True}, the session's {@code X-CSRF-Token} ({@link SrsCsrf}).
 */
public final class SrsDialect implements HttpService {
    public static final String CHANNEL = "srs";
    static final String COOKIE = "JSESSIONID";
    private static final HeaderName SUPPORT_CSRFP = HeaderNames.create("X-Support-CSRFP");
    private static final HeaderName CSRF_HEADER = HeaderNames.create("X-CSRF-HEADER");
    private static final HeaderName CSRF_TOKEN = HeaderNames.create("X-CSRF-TOKEN");
    private static final HeaderName CSRF_REQUEST = HeaderNames.create(SrsCsrf.HEADER_NAME);

    private final Frontdesk core;
    private final Requests requests;
    private final ErrorFrame frame;
    private final OriginPolicy origins;
    private final SessionCookies cookies;
    private final SrsAuthenticator authenticator;

    public SrsDialect(Frontdesk core, Requests requests, ErrorFrame frame, OriginPolicy origins,
                      SessionCookies cookies, AgentProvisioning provisioning) {
        this.core = core;
        this.requests = requests;
        this.frame = frame;
        this.origins = origins;
        this.cookies = cookies;
        this.authenticator = new SrsAuthenticator(core, provisioning, new UpstreamRws());
    }

    @Override
    public void routing(HttpRules rules) {
        for (String me : new String[] {"/api/v2/me", "/api/v2/me/"}) {
            rules.options(me, preflight()).get(me, handle(this::getMe)).post(me, handle(this::postMe))
                    .any(me, handle(this::notAllowed));
        }
        rules.options("/ping", preflight()).get("/ping", handle(this::ping)).any("/ping", handle(this::notAllowed))
                .options("/version", preflight()).get("/version", handle(this::version))
                .any("/version", handle(this::notAllowed))
                // any other Web Services path: preflight answered, then a 404 the page can read
                .options("/api/v2/*", preflight())
                .any("/api/v2/*", handle(this::notFound));
    }

    /** One request: its tenant, and who it speaks for. */
    private record Call(ServerRequest req, ServerResponse res, Tenant tenant, Optional<BasicCredentials> basic,
                        Optional<Presented> cookie) {
        /** A Basic header for someone other than the cookie's user (or without a live cookie): a login. */
        boolean logsIn() {
            return basic.isPresent() && (cookie.isEmpty()
                    || !cookie.get().session().username().equalsIgnoreCase(basic.get().user().trim()));
        }

        RequestContext context(Requests requests) {
            return requests.context(req, CHANNEL);
        }
    }

    /** The live SRS session of the request's cookie, and the ID the client presented for it. */
    private record Presented(String id, Session session) {
    }

    @FunctionalInterface
    private interface SrsHandler {
        void handle(Call call);
    }

    private Handler handle(SrsHandler handler) {
        return frame.of(SrsDialect::writeFailure, (req, res, tenant) -> {
            OriginPolicy.vary(res);
            origins.listedOrigin(req, tenant).ifPresent(origin -> OriginPolicy.actual(res, origin, SrsCors.CORS));
            try {
                handler.handle(new Call(req, res, tenant, Requests.basic(req), presented(req, tenant)));
            } catch (SrsReplies.Failure f) {
                SrsReplies.status(res, f.status(), f.statusCode(), f.getMessage());
            } catch (PlaceTaken p) {
                SrsReplies.status(res, 409, SrsReplies.INVALID_STATE,
                        "Place " + p.place() + " is in use by another agent");
            }
        });
    }

    /** The shared frame's failures in the Web Services shape. */
    private static void writeFailure(ServerRequest req, ServerResponse res, Tenant tenant, Failure failure) {
        switch (failure.kind()) {
            case CLIENT, TOO_LARGE -> SrsReplies.status(res, failure.status(), SrsReplies.MISSING_PARAMETER,
                    failure.message());
            case UNAVAILABLE -> SrsReplies.status(res, 503, SrsReplies.INTERNAL_ERROR, "Service temporarily unavailable");
            case INTERNAL -> SrsReplies.status(res, 500, SrsReplies.INTERNAL_ERROR, "Internal error");
        }
    }

    private Handler preflight() {
        return frame.of(SrsDialect::writeFailure, (req, res, tenant) -> {
            OriginPolicy.vary(res);
            Optional<String> origin = OriginPolicy.origin(req);
            if (origin.isEmpty()) {
                res.header(HeaderNames.ALLOW, SrsCors.ALLOW_METHODS);
                res.status(200).send();
            } else if (OriginPolicy.listed(origin.get(), tenant)) {
                OriginPolicy.preflight(res, origin.get(), SrsCors.CORS);
                res.status(200).send();
            } else {
                SrsReplies.status(res, 403, SrsReplies.FORBIDDEN, "Origin not allowed");
            }
        });
    }

    private void getMe(Call call) {
        if (call.logsIn()) {
            Opened opened = login(call, SrsPost.Configuration.empty());
            csrfHeaders(call.res(), opened.csrfToken());
            SrsReplies.user(call.req(), call.res(), call.tenant(), opened.account(), requests.viaTls(call.req()));
            return;
        }
        Presented presented = call.cookie().orElseThrow(SrsReplies.Failure::accessDenied);
        Account account = accountOf(presented.session());
        csrfHeaders(call.res(), SrsCsrf.tokenOf(presented.session(), presented.id()));
        SrsReplies.user(call.req(), call.res(), call.tenant(), account, requests.viaTls(call.req()));
    }

    private void postMe(Call call) {
        byte[] body = requests.body(call.req());
        if (body.length == 0) {
            throw new BadRequest("request body is required", null);
        }
        String type = Requests.mediaType(call.req());
        if (!type.equals("application/json")) {
            throw new BadRequest(415, "Content-Type must be application/json", null);
        }
        SrsPost post = SrsPost.parse(JsonBodies.tree(body));
        if (call.logsIn()) {
            switch (post) {
                case SrsPost.Configuration configuration -> {
                    Opened opened = login(call, configuration);
                    csrfHeaders(call.res(), opened.csrfToken());
                    SrsReplies.user(call.req(), call.res(), call.tenant(), opened.account(), requests.viaTls(call.req()));
                }
                case SrsPost.StartSession start -> {
                    Opened opened = login(call, start.configuration());
                    csrfHeaders(call.res(), opened.csrfToken());
                    SrsReplies.ok(call.res());
                }
                case SrsPost.EndSession end -> {
                    Account account = authenticate(call, SrsPost.Configuration.empty());
                    for (Session s : core.sessions().listOf(account.id(), CHANNEL)) {
                        core.sessions().endByHash(s.idHash(), EndReason.LOGOUT, call.context(requests));
                    }
                    SrsReplies.ok(call.res());
                }
            }
            return;
        }
        Presented presented = call.cookie().orElseThrow(SrsReplies.Failure::accessDenied);
        requireForgeryProtection(call, presented.session());
        switch (post) {
            case SrsPost.Configuration configuration -> {
                configure(call, presented, configuration);
                SrsReplies.user(call.req(), call.res(), call.tenant(), accountOf(presented.session()), requests.viaTls(call.req()));
            }
            case SrsPost.StartSession start -> {
                configure(call, presented, start.configuration());
                SrsReplies.ok(call.res());
            }
            case SrsPost.EndSession end -> {
                core.sessions().end(presented.id(), EndReason.LOGOUT, call.context(requests));
                cookies.clear(call.req(), call.res(), SrsReplies.COOKIE);
                SrsReplies.ok(call.res());
            }
        }
    }

    /** Applies a configuration to the cookie's live session (claiming its place, if any). */
    private void configure(Call call, Presented presented, SrsPost.Configuration configuration) {
        Session session = presented.session();
        Map<String, String> attributes = new HashMap<>(session.attributes());
        attributes.putAll(configuration.attributes());
        core.sessions().setAttributes(session, attributes);
        csrfHeaders(call.res(), SrsCsrf.tokenOf(session, presented.id()));
    }

    private void ping(Call call) {
        if (call.logsIn()) {
            Account account = authenticate(call, SrsPost.Configuration.empty());
            long alive = core.sessions().listOf(account.id(), CHANNEL).stream()
                    .filter(s -> core.sessions().validateByHash(s.idHash()).isPresent())
                    .count();
            if (alive == 0) {
                throw SrsReplies.Failure.accessDenied();
            }
            SrsReplies.ok(call.res());
            return;
        }
        Presented presented = call.cookie().orElseThrow(SrsReplies.Failure::accessDenied);
        csrfHeaders(call.res(), SrsCsrf.tokenOf(presented.session(), presented.id()));
        SrsReplies.ok(call.res());
    }

    private void version(Call call) {
        call.cookie().ifPresent(p -> csrfHeaders(call.res(), SrsCsrf.tokenOf(p.session(), p.id())));
        Responses.json(call.res(), 200, Map.of("version", Version.value()));
    }

    private void notFound(Call call) {
        SrsReplies.status(call.res(), 404, SrsReplies.INVALID_STATE, "No such resource");
    }

    private void notAllowed(Call call) {
        call.res().header(HeaderNames.ALLOW, SrsCors.ALLOW_METHODS);
        SrsReplies.status(call.res(), 405, SrsReplies.MISSING_PARAMETER, "Method not allowed");
    }

    /** A session just opened by a Basic login, and its CSRF token when the login asked for one. */
    private record Opened(Account account, Optional<String> csrfToken) {
    }

    private Opened login(Call call, SrsPost.Configuration configuration) {
        Account account = authenticate(call, configuration);
        RequestContext context = call.context(requests);
        boolean force = call.req().query().first("forceLogin").asOptional()
                .map(v -> v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true")).orElse(false);
        // a desktop that never pings (srsPingRequired false) gets the agent idle timeout instead
        Duration pingTimeout = call.tenant().settings().srsPingRequired()
                ? call.tenant().settings().srsPingTimeout() : null;
        // the session of the request's cookie is given up below: its place is this login's to take
        String replaced = call.cookie().map(p -> p.session().idHash()).orElse(null);
        SessionRequest request = new SessionRequest(context, force, pingTimeout, null, configuration.attributes(),
                replaced);
        LoginResult result = core.logins().openSession(account, request);
        LoginResult.Success success = switch (result) {
            case LoginResult.Success s -> s;
            case LoginResult.SessionLimitReached l -> throw SrsReplies.Failure.forbidden("Session limit of " + l.limit()
                    + " reached; log in with forceLogin=yes to end the oldest session");
            case LoginResult.LicensesExhausted l -> throw SrsReplies.Failure.forbidden("No session licenses left");
            case LoginResult.Throttled t -> throw throttled(call, t.retryAfter());
            case LoginResult.BadCredentials b -> throw SrsReplies.Failure.accessDenied();
        };
        Optional<String> token = Optional.empty();
        if (Requests.header(call.req(), SUPPORT_CSRFP).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false)) {
            SrsCsrf.Issued issued = SrsCsrf.issue(core.secrets(), success.sessionId());
            Map<String, String> attributes = new HashMap<>(success.session().attributes());
            attributes.putAll(issued.attributes());
            core.sessions().setAttributes(success.session(), attributes);
            token = Optional.of(issued.token());
        }
        call.cookie().ifPresent(old -> core.sessions().end(old.id(), EndReason.LOGOUT, context));
        cookies.set(call.req(), call.res(), SrsReplies.COOKIE, success.sessionId());
        return new Opened(success.account(), token);
    }

    /** The account of the request's Basic credentials, or the SRS failure that says why not. */
    private Account authenticate(Call call, SrsPost.Configuration configuration) {
        return switch (authenticator.authenticate(call.tenant(), call.basic().orElseThrow(), configuration,
                call.context(requests))) {
            case SrsAuthenticator.Outcome.Valid v -> v.account();
            case SrsAuthenticator.Outcome.Invalid i -> throw SrsReplies.Failure.accessDenied();
            case SrsAuthenticator.Outcome.Throttled t -> throw throttled(call, t.retryAfter());
            case SrsAuthenticator.Outcome.Unavailable u ->
                    throw new SrsReplies.Failure(503, SrsReplies.INTERNAL_ERROR, "Authentication service unavailable");
        };
    }

    private static SrsReplies.Failure throttled(Call call, Duration retryAfter) {
        call.res().header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
        return SrsReplies.Failure.accessDenied();
    }

    /** Origin check for every cookie-carried POST, then the CSRF token on sessions that have one. */
    private void requireForgeryProtection(Call call, Session session) {
        if (!origins.permits(call.req(), call.tenant())) {
            throw SrsReplies.Failure.forbidden("Origin not allowed");
        }
        if (SrsCsrf.protects(session)
                && !SrsCsrf.verify(session, Requests.header(call.req(), CSRF_REQUEST).orElse(null))) {
            throw SrsReplies.Failure.forbidden("Missing or invalid Csrf token");
        }
    }

    private static void csrfHeaders(ServerResponse res, Optional<String> token) {
        token.ifPresent(t -> {
            res.header(CSRF_HEADER, SrsCsrf.HEADER_NAME);
            res.header(CSRF_TOKEN, t);
        });
    }

    private Account accountOf(Session session) {
        return core.accounts().find(session.tenant(), session.accountId())
                .orElseThrow(SrsReplies.Failure::accessDenied);
    }

    /** The request's {@code JSESSIONID} when it is a live SRS session of this tenant (counts as use). */
    private Optional<Presented> presented(ServerRequest req, Tenant tenant) {
        return cookies.read(req, SrsReplies.COOKIE).flatMap(id -> core.sessions().validate(id)
                .filter(s -> s.channel().equals(CHANNEL) && s.tenant().equals(tenant.id()))
                .map(s -> new Presented(id, s)));
    }
}
