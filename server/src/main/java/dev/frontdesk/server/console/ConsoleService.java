package dev.frontdesk.server.console;

import dev.frontdesk.core.admin.AdminRole;
import dev.frontdesk.core.admin.Administrator;
import dev.frontdesk.core.admin.Administrators;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.ConsoleSessionCheck;
import dev.frontdesk.server.http.ConsoleSessionCheck.Verdict;
import dev.frontdesk.server.http.JsonBodies;
import dev.frontdesk.server.http.OriginPolicy;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.Responses;
import dev.frontdesk.server.http.SessionCookies;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin console at {@code /console/}: static files of a single-page app, and its sign-in.
 *
 * <p>The app talks only to the admin API ({@code /admin/api/v1}). Instead of Basic in the browser it
 * signs in here once with an administrator's password, and a TOTP or recovery code when the
 * administrator has enrolled one, and gets a cookie of its own ({@link ConsoleSessions});
 * {@link #sessionCheck()} lets the admin API accept that cookie as that administrator, with a CSRF
 * token on every change ({@link ConsoleGuard}). Changes made through the console are therefore the
 * admin API's own, checked against the administrator's role and audited with its name as actor.
 */
public final class ConsoleService implements HttpService {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleService.class);

    private final Administrators administrators;
    private final Requests requests;
    private final SessionCookies cookies;
    private final ConsoleSessions sessions;
    private final ConsoleGuard guard;
    private final StaticAssets assets;

    public ConsoleService(Administrators administrators, Requests requests, SessionCookies cookies,
                          OriginPolicy origins, Secrets secrets, Clock clock) {
        this.administrators = administrators;
        this.requests = requests;
        this.cookies = cookies;
        this.sessions = new ConsoleSessions(clock, secrets, new SecureRandom());
        this.guard = new ConsoleGuard(sessions, cookies, origins);
        this.assets = StaticAssets.load();
    }

    /** What the admin API asks to accept a console session as an administrator's credential. */
    public ConsoleSessionCheck sessionCheck() {
        return guard;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(this::securityHeaders)
                .get("/", this::index)
                .post("/api/session", this::signIn)
                .post("/api/passkey/options", this::passkeyOptions)
                .post("/api/passkey", this::passkeySignIn)
                .get("/api/session", this::current)
                .delete("/api/session", this::signOut)
                .get("/{file}", this::asset)
                .any(this::notFound);
    }

    record SignInBody(String username, String password, String code) {
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
        if (!guard.sameOrigin(req)) {
            Responses.error(res, 403, "origin_not_allowed", null);
            return;
        }
        String ip = requests.clientIp(req);
        SignInBody body = JsonBodies.read(requests.body(req), SignInBody.class);
        String username = body.username() == null ? Administrators.BOOTSTRAP : body.username();
        String password = body.password() == null ? "" : body.password();
        Administrator admin;
        switch (administrators.signIn(username, password, body.code(), requests.context(req, "console"))) {
            case Administrators.SignIn.SignedIn s -> admin = s.administrator();
            case Administrators.SignIn.PasskeyRequired p -> {
                Responses.error(res, 401, "passkey_required", null);
                return;
            }
            case Administrators.SignIn.CodeRequired c -> {
                // the password was right: the console asks for the code and sends both again
                Responses.error(res, 401, "code_required", "code");
                return;
            }
            case Administrators.SignIn.Throttled t -> {
                res.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, t.retryAfter().toSeconds())));
                Responses.error(res, 429, "too_many_attempts", null);
                return;
            }
            case Administrators.SignIn.Unavailable u -> {
                Responses.error(res, 503, "unavailable", null);
                return;
            }
            case Administrators.SignIn.Refused r -> {
                LOG.warn("console sign-in failed from {}", ip);
                Responses.error(res, 401, "invalid_credentials", null);
                return;
            }
        }
        open(req, res, admin);
    }

    private void open(ServerRequest req, ServerResponse res, Administrator admin) {
        guard.sessionId(req).ifPresent(sessions::end);
        ConsoleSessions.Opened opened = sessions.open(admin.username());
        cookies.set(req, res, ConsoleGuard.COOKIE, opened.id());
        LOG.info("console sign-in from {}", requests.clientIp(req));
        Responses.json(res, 201, view(opened.csrfToken(), opened.entry()));
    }

    record PasskeyAssertion(String challenge, String id, String clientDataJSON, String authenticatorData,
                            String signature, String userHandle) {
    }

    /** PublicKeyCredentialRequestOptions for navigator.credentials.get (discoverable credentials). */
    private void passkeyOptions(ServerRequest req, ServerResponse res) {
        if (!guard.sameOrigin(req)) {
            Responses.error(res, 403, "origin_not_allowed", null);
            return;
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(administrators.beginPasskeySignIn()));
        options.put("rpId", requests.relyingParty(req).rpId());
        options.put("userVerification", "required");
        options.put("timeout", Administrators.CHALLENGE_LIFETIME.toMillis());
        Responses.json(res, 200, options);
    }

    private void passkeySignIn(ServerRequest req, ServerResponse res) {
        String type = Requests.mediaType(req);
        if (!type.equals("application/json")) {
            throw BadRequest.unsupportedMediaType(type.isEmpty() ? "(none)" : type);
        }
        if (!guard.sameOrigin(req)) {
            Responses.error(res, 403, "origin_not_allowed", null);
            return;
        }
        PasskeyAssertion body = JsonBodies.read(requests.body(req), PasskeyAssertion.class);
        Administrators.SignIn outcome;
        try {
            java.util.Base64.Decoder d = java.util.Base64.getUrlDecoder();
            outcome = administrators.passkeySignIn(d.decode(text(body.challenge())), d.decode(text(body.id())),
                    d.decode(text(body.clientDataJSON())), d.decode(text(body.authenticatorData())),
                    d.decode(text(body.signature())), body.userHandle() == null ? null : d.decode(body.userHandle()),
                    requests.relyingParty(req), requests.context(req, "console"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("the assertion's values must be base64url", null);
        }
        switch (outcome) {
            case Administrators.SignIn.SignedIn s -> open(req, res, s.administrator());
            case Administrators.SignIn.Throttled t -> {
                res.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, t.retryAfter().toSeconds())));
                Responses.error(res, 429, "too_many_attempts", null);
            }
            case Administrators.SignIn.Unavailable u -> Responses.error(res, 503, "unavailable", null);
            default -> Responses.error(res, 401, "passkey_refused", null);
        }
    }

    private static String text(String value) {
        if (value == null) {
            throw new BadRequest("a value of the assertion is missing", null);
        }
        return value;
    }

    private void current(ServerRequest req, ServerResponse res) {
        Optional<String> id = guard.sessionId(req);
        if (guard.check(req).verdict() != Verdict.ACCEPTED || id.isEmpty()) {
            Responses.error(res, 401, "unauthorized", null);
            return;
        }
        ConsoleSessions.Entry entry = sessions.find(id.get()).orElse(null);
        if (entry == null || administrators.find(entry.administrator()).isEmpty()) {
            Responses.error(res, 401, "unauthorized", null);
            return;
        }
        Responses.json(res, 200, view(sessions.csrfToken(id.get()), entry));
    }

    private void signOut(ServerRequest req, ServerResponse res) {
        Verdict verdict = guard.check(req).verdict();
        if (verdict == Verdict.FORBIDDEN) {
            Responses.error(res, 403, "csrf_token_invalid", null);
            return;
        }
        if (verdict == Verdict.ACCEPTED) {
            guard.sessionId(req).ifPresent(sessions::end);
            LOG.info("console sign-out from {}", requests.clientIp(req));
        }
        cookies.clear(req, res, ConsoleGuard.COOKIE);
        res.status(204).send();
    }

    /** The session; what the administrator may do is the admin API's {@code GET /me}. */
    private Map<String, Object> view(String csrfToken, ConsoleSessions.Entry entry) {
        Administrator admin = administrators.find(entry.administrator()).orElseThrow();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("user", admin.username());
        view.put("role", admin.role().wireName());
        view.put("secondFactor", admin.hasSecondFactor());
        view.put("enrolmentRequired", !admin.hasSecondFactor() && administrators.policy().secondFactorRequired());
        view.put("enrolmentSuggested", !admin.hasSecondFactor() && admin.role() == AdminRole.OWNER);
        view.put("csrfToken", csrfToken);
        view.put("idleTimeoutSeconds", ConsoleSessions.IDLE.toSeconds());
        view.put("createdAt", entry.createdAt().toString());
        view.put("absoluteExpiry", entry.absoluteExpiry().toString());
        view.put("expiresAt", entry.expiresAt().toString());
        return view;
    }
}
