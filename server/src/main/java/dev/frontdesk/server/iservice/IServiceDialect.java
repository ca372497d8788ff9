package dev.frontdesk.server.iservice;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.AgentProvisioning;
import dev.frontdesk.core.openid.OpenIdLinks;
import dev.frontdesk.core.reset.PasswordResets;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.ErrorFrame;
import dev.frontdesk.server.http.Failure;
import dev.frontdesk.server.http.OriginPolicy;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.SessionCookies;
import dev.frontdesk.server.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The iService {@code webapp-api-login} dialect: {@code POST /f/webapp-api-login?api=<name>} with a
 * form or JSON body, answered with {@code {"loggedIn": {...}, "errors": [...]}} and a session cookie.
 *
 * <p>Business outcomes (a wrong password, a weak new password) are HTTP 200 with {@code errors};
 * protocol mistakes are 4xx in the same shape: an unknown {@code api} 400, another method than POST
 * 405, a malformed body 400, another content type 415, a too large body 413, and a browser request
 * from a foreign origin 403 (cookies are SameSite=Lax; the Origin check also stops login CSRF). A store
 * that does not answer is 503 with {@code Retry-After} and no LoggedIn body at all: a portal must not
 * show its users as logged out during an outage.
 */
public final class IServiceDialect implements HttpService {
    public static final String PATH = "/f/webapp-api-login";

    private final Requests requests;
    private final ErrorFrame frame;
    private final OriginPolicy origins;
    private final Map<String, Function<Call, Reply>> endpoints;

    /** The core services and shared HTTP rules this dialect uses. */
    public record Parts(Frontdesk core, Requests requests, ErrorFrame frame, OriginPolicy origins,
                        SessionCookies cookies, OpenIdLinks links, PasswordResets resets,
                        AgentProvisioning provisioning) {
    }

    public IServiceDialect(Parts parts) {
        Frontdesk core = parts.core();
        this.requests = parts.requests();
        this.frame = parts.frame();
        this.origins = parts.origins();
        IServiceSessions sessions = new IServiceSessions(core, parts.links(), parts.cookies());
        LoginEndpoints logins = new LoginEndpoints(core, parts.links(), sessions);
        Registration registration = new Registration(core, sessions);
        OpenIdRegistration openId = new OpenIdRegistration(core, parts.links(), sessions,
                new IdTokenVerifier(core.clock()));
        PasswordResetEndpoints reset = new PasswordResetEndpoints(core, parts.resets(), sessions, new SmtpMailer());
        DirectoryLogin directory = new DirectoryLogin(core, parts.provisioning(), sessions, new LdapDirectory());
        this.endpoints = Map.of(
                "login", logins::login,
                "agentlogin", directory::login,
                "loggedin", logins::loggedIn,
                "logout", logins::logout,
                "register", registration::register,
                "registeropenid", openId::register,
                "resetsend", reset::send,
                "resetconfirm", reset::confirm);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(PATH, frame.of(IServiceDialect::writeFailure, this::handle));
    }

    private void handle(ServerRequest req, ServerResponse res, Tenant tenant) {
        send(res, dispatch(req, res, tenant));
    }

    private static void send(ServerResponse res, Reply reply) {
        res.status(Status.create(reply.status()));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.bytes(reply.body()));
    }

    /** Protocol errors in the dialect's shape; an outage without a LoggedIn body (it would say "logged out"). */
    private static void writeFailure(ServerRequest req, ServerResponse res, Tenant tenant, Failure failure) {
        if (failure.kind() == Failure.Kind.UNAVAILABLE || tenant == null) {
            res.status(Status.create(failure.status()));
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(Json.bytes(Map.of("errors", List.of(Messages.UNAVAILABLE))));
            return;
        }
        String message = failure.kind() == Failure.Kind.INTERNAL ? "internal error" : failure.message();
        send(res, protocolError(tenant, failure.status(), message));
    }

    private Reply dispatch(ServerRequest req, ServerResponse res, Tenant tenant) {
        if (!Method.POST.equals(req.prologue().method())) {
            res.header(HeaderNames.ALLOW, "POST");
            return protocolError(tenant, 405, "method not allowed: webapp-api-login takes POST");
        }
        String api = req.query().first("api").asOptional().map(a -> a.trim().toLowerCase(Locale.ROOT)).orElse("");
        Function<Call, Reply> endpoint = endpoints.get(api);
        if (endpoint == null) {
            return protocolError(tenant, 400, api.isEmpty() ? "the api parameter is required"
                    : "unknown api: " + (api.length() > 64 ? api.substring(0, 64) : api));
        }
        if (!origins.permits(req, tenant)) {
            return protocolError(tenant, 403, "cross-origin request refused");
        }
        WireRequest body = WireRequest.parse(req, requests);
        Call call = new Call(req, res, tenant, body, requests.context(req, IServiceSessions.CHANNEL));
        return endpoint.apply(call);
    }

    private static Reply protocolError(Tenant tenant, int status, String message) {
        return new Reply(status, LoggedInView.anonymous(tenant), List.of(message), Map.of());
    }
}
