package dev.frontdesk.server.iservice;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.openid.OpenIdLinks;
import dev.frontdesk.core.reset.PasswordResets;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.Services;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.LogText;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.store.jdbc.JdbcOpenIdLinkStore;
import dev.frontdesk.server.store.jdbc.JdbcResetCodeStore;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The iService {@code webapp-api-login} dialect: {@code POST /f/webapp-api-login?api=<name>} with a
 * form or JSON body, answered with {@code {"loggedIn": {...}, "errors": [...]}} and a session cookie.
 *
 * <p>Business outcomes (a wrong password, a weak new password) are HTTP 200 with {@code errors};
 * protocol mistakes are 4xx in the same shape: an unknown {@code api} 400, another method than POST
 * 405, a malformed body 400, another content type 415, a too large body 413, and a browser request
 * from a foreign origin 403 (cookies are SameSite=Lax; the Origin check also stops login CSRF).
 */
public final class IServiceDialect implements HttpService {
    public static final String PATH = "/f/webapp-api-login";
    private static final Logger LOG = LoggerFactory.getLogger(IServiceDialect.class);

    private final Services services;
    private final IServiceSessions sessions;
    private final Map<String, Function<Call, Reply>> endpoints;

    public IServiceDialect(Services services) {
        this.services = services;
        Frontdesk core = services.core();
        OpenIdLinks links = new OpenIdLinks(new JdbcOpenIdLinkStore(services.jdbi()), core.clock(), core.secrets());
        PasswordResets resets = new PasswordResets(new JdbcResetCodeStore(services.jdbi()), core.clock(),
                core.secrets());
        this.sessions = new IServiceSessions(core, links);
        LoginEndpoints logins = new LoginEndpoints(core, links, sessions);
        Registration registration = new Registration(core, sessions);
        OpenIdRegistration openId = new OpenIdRegistration(core, links, sessions, new IdTokenVerifier(core.clock()));
        PasswordResetEndpoints reset = new PasswordResetEndpoints(core, resets, sessions, new SmtpMailer());
        DirectoryLogin directory = new DirectoryLogin(core, sessions, new LdapDirectory());
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
        rules.any(PATH, this::handle);
    }

    private void handle(ServerRequest req, ServerResponse res) {
        Tenant tenant = services.requests().tenant(req);
        Reply reply;
        try {
            reply = dispatch(req, res, tenant);
        } catch (BadRequest e) {
            reply = protocolError(tenant, e.status(), e.getMessage());
        } catch (Validation e) {
            reply = protocolError(tenant, 400, e.getMessage());
        } catch (JacksonException e) {
            reply = protocolError(tenant, 400, "malformed JSON");
        } catch (CloseConnectionException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("iservice: unhandled {} for api={}", e.getClass().getName(),
                    LogText.of(req.query().first("api").orElse("")), e);
            reply = protocolError(tenant, 500, "internal error");
        }
        res.status(Status.create(reply.status()));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(Json.bytes(reply.body()));
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
        if (!sameSite(req, tenant)) {
            return protocolError(tenant, 403, "cross-origin request refused");
        }
        WireRequest body = WireRequest.parse(req, services.requests());
        Call call = new Call(req, res, tenant, body, services.requests().context(req, IServiceSessions.CHANNEL));
        return endpoint.apply(call);
    }

    private static Reply protocolError(Tenant tenant, int status, String message) {
        return new Reply(status, LoggedInView.anonymous(tenant), List.of(message), Map.of());
    }

    /**
     * A browser names the page's origin on every POST. Without an Origin header (scripts, servers) the
     * request passes; with one, it must be this host or one of the tenant's allowed origins.
     */
    private static boolean sameSite(ServerRequest req, Tenant tenant) {
        Optional<String> origin = Requests.header(req, HeaderNames.ORIGIN);
        if (origin.isEmpty()) {
            return true;
        }
        String value = origin.get().trim().toLowerCase(Locale.ROOT);
        if (tenant.settings().corsAllowedOrigins().stream().anyMatch(p -> Origins.matches(p, value))) {
            return true;
        }
        try {
            URI uri = new URI(value);
            String authority = req.authority() == null ? "" : req.authority().trim().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || uri.getScheme() == null || authority.isEmpty()) {
                return false;
            }
            int defaultPort = uri.getScheme().equals("https") ? 443 : 80;
            int originPort = uri.getPort() == -1 ? defaultPort : uri.getPort();
            URI request = new URI("http://" + authority);
            int requestPort = request.getPort() == -1 ? defaultPort : request.getPort();
            return uri.getHost().equals(request.getHost()) && originPort == requestPort;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
