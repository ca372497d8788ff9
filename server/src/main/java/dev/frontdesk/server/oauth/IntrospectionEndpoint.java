package dev.frontdesk.server.oauth;

import dev.frontdesk.core.client.AccessToken;
import dev.frontdesk.core.client.ClientApp;
import dev.frontdesk.core.client.ClientApps;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.session.SessionEngine;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.Responses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 7662 token introspection at {@code POST /oauth2/introspect}: a resource server (a client
 * application of the tenant) authenticates with its secret (Basic or form) or with a live access token
 * of its own as a bearer, and asks about {@code token=}: an access token of the tenant, or a session ID
 * of any dialect (an {@code X-egain-session}, a {@code JSESSIONID}, a native session). The answer is
 * {@code {"active":false}} for anything unknown, ended, expired or of another tenant, and never says
 * which. Asking about a session counts as use of it, as any validation does.
 */
final class IntrospectionEndpoint {
    static final String CHANNEL = "oauth2";

    private final ClientApps clients;
    private final SessionEngine sessions;
    private final Requests requests;
    private final ClientAuthentication authentication;
    private final Metadata metadata;

    IntrospectionEndpoint(ClientApps clients, SessionEngine sessions, Requests requests, Metadata metadata) {
        this.clients = clients;
        this.sessions = sessions;
        this.requests = requests;
        this.authentication = new ClientAuthentication(clients);
        this.metadata = metadata;
    }

    void introspect(ServerRequest req, ServerResponse res) {
        Map<String, String> form;
        try {
            if (!Requests.mediaType(req).equals("application/x-www-form-urlencoded")) {
                TokenEndpoint.error(res, 400, "invalid_request", "the body must be application/x-www-form-urlencoded");
                return;
            }
            form = Requests.form(requests.body(req));
        } catch (BadRequest e) {
            TokenEndpoint.error(res, e.status() == 413 ? 413 : 400, "invalid_request", e.getMessage());
            return;
        }
        Tenant tenant = requests.tenant(req);
        RequestContext context = requests.context(req, CHANNEL);
        Optional<String> bearer = Requests.bearerToken(req);
        if (bearer.isPresent()) {
            if (clients.validate(bearer.get()).filter(t -> t.tenant().equals(tenant.id())).isEmpty()) {
                res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                TokenEndpoint.error(res, 401, "invalid_token", "the access token is missing, unknown, expired or revoked");
                return;
            }
        } else {
            Optional<ClientApp> caller = authentication.authenticate(req, res, form, tenant, context);
            if (caller.isEmpty()) {
                return;
            }
        }
        String token = form.get("token");
        if (token == null || token.isBlank()) {
            TokenEndpoint.error(res, 400, "invalid_request", "token is required");
            return;
        }
        String issuer = metadata.issuer(req);
        Optional<Map<String, Object>> accessToken = clients.validate(token).filter(t -> t.tenant().equals(tenant.id()))
                .map(t -> describe(t, issuer));
        Map<String, Object> answer = accessToken.or(() -> sessions.validate(token)
                        .filter(s -> s.tenant().equals(tenant.id())).map(s -> describe(s, issuer)))
                .orElseGet(() -> Map.of("active", false));
        Responses.json(res, 200, answer);
    }

    private static Map<String, Object> describe(AccessToken token, String issuer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("active", true);
        view.put("client_id", token.clientId());
        view.put("token_type", "Bearer");
        view.put("exp", token.expiresAt().getEpochSecond());
        view.put("iat", token.createdAt().getEpochSecond());
        view.put("sub", token.clientId());
        view.put("aud", issuer);
        view.put("iss", issuer);
        return view;
    }

    private static Map<String, Object> describe(Session session, String issuer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("active", true);
        if (session.clientId() != null) {
            view.put("client_id", session.clientId());
        }
        view.put("username", session.username());
        view.put("token_type", "session");
        view.put("exp", session.expiresAt().getEpochSecond());
        view.put("iat", session.createdAt().getEpochSecond());
        view.put("sub", session.username());
        view.put("aud", issuer);
        view.put("iss", issuer);
        view.put("channel", session.channel());
        view.put("account_type", session.accountType() == null ? null : session.accountType().wireName());
        return view;
    }
}
