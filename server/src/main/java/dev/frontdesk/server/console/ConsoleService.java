package dev.frontdesk.server.console;

import dev.frontdesk.server.Services;
import dev.frontdesk.server.admin.AdminAuth;
import dev.frontdesk.server.admin.AdminAuth.ConsoleVerdict;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.BasicCredentials;
import dev.frontdesk.server.http.JsonBodies;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.Responses;
import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin console at {@code /console/}: static files of a single-page app, and its sign-in.
 *
 * <p>The app talks only to the admin API ({@code /admin/api/v1}). Instead of Basic in the browser it
 * signs in here once with the admin password and gets a cookie of its own ({@link ConsoleSessions});
 * this service plugs that cookie into {@link AdminAuth} so the admin API accepts it, with a CSRF token
 * on every change ({@link ConsoleGuard}). Changes made through the console are therefore the admin
 * API's own, audited with actor {@code admin}.
 */
public final class ConsoleService implements HttpService {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleService.class);
    private static final int MAX_PASSWORD_LENGTH = 1024;

    private final AdminAuth auth;
    private final Requests requests;
    private final ConsoleSessions sessions;
    private final ConsoleGuard guard;
    private final SignInThrottle throttle;
    private final StaticAssets assets;

    public ConsoleService(Services services) {
        Clock clock = services.core().clock();
        this.auth = services.adminAuth();
        this.requests = services.requests();
        this.sessions = new ConsoleSessions(clock, services.core().secrets(), new SecureRandom());
        this.guard = new ConsoleGuard(sessions, services.addresses());
        this.throttle = new SignInThrottle(clock);
        this.assets = StaticAssets.load();
        auth.acceptConsoleSessions(guard);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(this::securityHeaders)
                .get("/", this::index)
                .post("/api/session", this::signIn)
                .get("/api/session", this::current)
                .delete("/api/session", this::signOut)
                .get("/{file}", this::asset)
                .any(this::notFound);
    }

    record SignInBody(String username, String password) {
        @Override
        public String toString() {
            return "SignInBody[username=" + username + "]";
        }
    }

    private void securityHeaders(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.create("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
        res.header(HeaderNames.create("X-Frame-Options"), "DENY");
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        res.next();
    }

    private void index(ServerRequest req, ServerResponse res) {
        String path = req.path().absolute().rawPath();
        if (!path.endsWith("/")) {
            // relative asset URLs in the page need the trailing slash
            res.status(301).header(HeaderNames.LOCATION, path + "/").send();
            return;
        }
        send(res, assets.find("index.html").orElseThrow());
    }

    private void asset(ServerRequest req, ServerResponse res) {
        Optional<StaticAssets.Asset> asset = assets.find(req.path().pathParameters().get("file"));
        if (asset.isEmpty()) {
            notFound(req, res);
            return;
        }
        send(res, asset.get());
    }

    private void notFound(ServerRequest req, ServerResponse res) {
        Responses.error(res, 404, "not_found", null);
    }

    private static void send(ServerResponse res, StaticAssets.Asset asset) {
        res.header(HeaderNames.CONTENT_TYPE, asset.contentType());
        res.send(asset.bytes());
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        String type = Requests.mediaType(req);
        if (!type.equals("application/json")) {
            throw BadRequest.unsupportedMediaType(type.isEmpty() ? "(none)" : type);
        }
        if (!ConsoleGuard.sameOrigin(req)) {
            Responses.error(res, 403, "origin_not_allowed", null);
            return;
        }
        String ip = requests.clientIp(req);
        Optional<Duration> wait = throttle.retryAfter(ip);
        if (wait.isPresent()) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, wait.get().toSeconds())));
            Responses.error(res, 429, "too_many_attempts", null);
            return;
        }
        SignInBody body = JsonBodies.read(requests.body(req), SignInBody.class);
        String username = body.username() == null ? AdminAuth.USER : body.username();
        String password = body.password() == null ? "" : body.password();
        if (password.length() > MAX_PASSWORD_LENGTH
                || !auth.verify(Optional.of(new BasicCredentials(username, password)))) {
            int failures = throttle.failed(ip);
            LOG.warn("console sign-in failed from {} ({} recent failures from this address)", ip, failures);
            Responses.error(res, 401, "invalid_credentials", null);
            return;
        }
        throttle.succeeded(ip);
        guard.sessionId(req).ifPresent(sessions::end);
        ConsoleSessions.Opened opened = sessions.open();
        res.headers().addCookie(SetCookie.builder(guard.cookieName(req), opened.id())
                .httpOnly(true)
                .secure(guard.viaTls(req))
                .sameSite(SetCookie.SameSite.STRICT)
                .path("/")
                .maxAge(ConsoleSessions.ABSOLUTE)
                .build());
        LOG.info("console sign-in from {}", ip);
        Responses.json(res, 201, view(opened.csrfToken(), opened.entry()));
    }

    private void current(ServerRequest req, ServerResponse res) {
        Optional<String> id = guard.sessionId(req);
        if (guard.check(req) != ConsoleVerdict.ACCEPTED || id.isEmpty()) {
            Responses.error(res, 401, "unauthorized", null);
            return;
        }
        ConsoleSessions.Entry entry = sessions.find(id.get()).orElse(null);
        if (entry == null) {
            Responses.error(res, 401, "unauthorized", null);
            return;
        }
        Responses.json(res, 200, view(sessions.csrfToken(id.get()), entry));
    }

    private void signOut(ServerRequest req, ServerResponse res) {
        ConsoleVerdict verdict = guard.check(req);
        if (verdict == ConsoleVerdict.FORBIDDEN) {
            Responses.error(res, 403, "csrf_token_invalid", null);
            return;
        }
        if (verdict == ConsoleVerdict.ACCEPTED) {
            guard.sessionId(req).ifPresent(sessions::end);
            LOG.info("console sign-out from {}", requests.clientIp(req));
        }
        res.headers().addCookie(SetCookie.builder(guard.cookieName(req), "")
                .httpOnly(true)
                .secure(guard.viaTls(req))
                .sameSite(SetCookie.SameSite.STRICT)
                .path("/")
                .expires(Instant.EPOCH)
                .build());
        res.status(204).send();
    }

    private static Map<String, Object> view(String csrfToken, ConsoleSessions.Entry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("user", AdminAuth.USER);
        view.put("csrfToken", csrfToken);
        view.put("idleTimeoutSeconds", ConsoleSessions.IDLE.toSeconds());
        view.put("createdAt", entry.createdAt().toString());
        view.put("absoluteExpiry", entry.absoluteExpiry().toString());
        view.put("expiresAt", entry.expiresAt().toString());
        return view;
    }
}
