package dev.frontdesk.server.oauth;

import dev.frontdesk.core.admin.AdminClients;
import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.core.client.ClientApp;
import dev.frontdesk.core.client.ClientApps;
import dev.frontdesk.core.client.TokenResult;
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
 * RFC 6749 client-credentials grant, served at {@code /oauth2/token} and at eGain's
 * {@code /ws/v19/clientapplications/authentication/oauth2/token}, and revocation (RFC 7009, and the
 * older bearer form) at the {@code revoke} paths beside them. Clients authenticate with
 * {@code client_secret_basic} (form-decoded per RFC 6749 §2.3.1, raw values still accepted) or
 * {@code client_secret_post} ({@link ClientAuthentication}). At the client's token cap a request is
 * refused (403 {@code access_denied}) unless it carries {@code forceLogin=yes}, which revokes the
 * oldest token. Errors use RFC 6749 §5.2 bodies. {@code scope=admin} is granted only to a client of
 * the {@code default} tenant with an administrator role ({@link AdminClients}); other scopes are ignored.
 */
public final class TokenEndpoint {
    private final ClientApps clients;
    private final ClientAuthentication authentication;
    private final AdminClients adminClients;
    private final Requests requests;
    private final String channel;

    TokenEndpoint(ClientApps clients, AdminClients adminClients, Requests requests, String channel) {
        this.clients = clients;
        this.authentication = new ClientAuthentication(clients);
        this.adminClients = adminClients;
        this.requests = requests;
        this.channel = channel;
    }

    public void token(ServerRequest req, ServerResponse res) {
        Map<String, String> form;
        try {
            if (!Requests.mediaType(req).equals("application/x-www-form-urlencoded")) {
                error(res, 400, "invalid_request", "the body must be application/x-www-form-urlencoded");
                return;
            }
            form = Requests.form(requests.body(req));
        } catch (BadRequest e) {
            error(res, e.status() == 413 ? 413 : 400, "invalid_request", e.getMessage());
            return;
        }
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            error(res, 400, "invalid_request", "grant_type is required");
            return;
        }
        Tenant tenant = requests.tenant(req);
        RequestContext context = requests.context(req, channel);
        Optional<ClientApp> authenticated = authentication.authenticate(req, res, form, tenant, context);
        if (authenticated.isEmpty()) {
            return;
        }
        ClientApp client = authenticated.get();
        if (!grantType.equals("client_credentials")) {
            error(res, 400, "unsupported_grant_type", "only client_credentials is supported");
            return;
        }
        boolean adminScope = scopes(form.get("scope")).contains(AdminClients.SCOPE);
        if (adminScope && !adminClients.mayAskForAdminScope(client)) {
            error(res, 400, "invalid_scope", "this client has no administrator role");
            return;
        }
        boolean force = req.query().first("forceLogin").asOptional().map(v -> v.equalsIgnoreCase("yes")).orElse(false)
                || "yes".equalsIgnoreCase(form.get("forceLogin"));
        switch (clients.issueToken(client, force, context.withChannel(channel))) {
            case TokenResult.Issued issued -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("access_token", issued.accessToken());
                body.put("token_type", "Bearer");
                body.put("expires_in", issued.lifetime().toSeconds());
                if (adminScope) {
                    adminClients.markIssued(issued.token());
                    body.put("scope", AdminClients.SCOPE);
                }
                res.header(HeaderNames.PRAGMA, "no-cache");
                Responses.json(res, 200, body);
            }
            case TokenResult.AtCap cap -> error(res, 403, "access_denied", "this client already holds " + cap.limit()
                    + " active tokens; ask with forceLogin=yes to revoke the oldest");
        }
    }

    /**
     * Revocation. RFC 7009 when the form names a {@code token}: the client authenticates, a live token
     * of that client ends, and the answer is 200 whatever the token was (unknown, expired, another
     * client's: that one stays live); {@code token_type_hint} is read as a hint only, since access
     * tokens are the only kind there is. Without {@code token=}, the older bearer form (below).
     */
    public void revoke(ServerRequest req, ServerResponse res) {
        Map<String, String> form;
        try {
            form = req.content().hasEntity() && Requests.mediaType(req).equals("application/x-www-form-urlencoded")
                    ? Requests.form(requests.body(req)) : Map.of();
        } catch (BadRequest e) {
            error(res, e.status() == 413 ? 413 : 400, "invalid_request", e.getMessage());
            return;
        }
        if (!form.containsKey("token") && !ClientAuthentication.present(req, form)) {
            revokeBearer(req, res);
            return;
        }
        Tenant tenant = requests.tenant(req);
        RequestContext context = requests.context(req, channel);
        Optional<ClientApp> client = authentication.authenticate(req, res, form, tenant, context);
        if (client.isEmpty()) {
            return;
        }
        String token = form.get("token");
        if (token == null || token.isBlank()) {
            error(res, 400, "invalid_request", "token is required");
            return;
        }
        clients.validate(token)
                .filter(t -> t.tenant().equals(tenant.id()) && t.clientId().equals(client.get().clientId()))
                .ifPresent(t -> clients.revoke(token, context));
        res.status(200).send();
    }

    /** Revokes the bearer token the request carries: 204, or 401 when it is not a live token. */
    public void revokeBearer(ServerRequest req, ServerResponse res) {
        Optional<String> token = Requests.bearerToken(req);
        if (token.isEmpty() || !clients.revoke(token.get(), requests.context(req, channel))) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            error(res, 401, "invalid_token", "the access token is missing, unknown, expired or revoked");
            return;
        }
        res.status(204).send();
    }

    private static java.util.Set<String> scopes(String scope) {
        return scope == null ? java.util.Set.of() : java.util.Set.of(scope.trim().split(" +"));
    }

    static void error(ServerResponse res, int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        Responses.json(res, status, body);
    }
}
