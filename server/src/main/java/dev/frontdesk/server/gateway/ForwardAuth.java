package dev.frontdesk.server.gateway;

import dev.frontdesk.core.client.AccessToken;
import dev.frontdesk.core.client.ClientApps;
import dev.frontdesk.core.gateway.AccountRights;
import dev.frontdesk.core.gateway.Caller;
import dev.frontdesk.core.gateway.GatewayRules;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.session.SessionEngine;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.Tenants;
import dev.frontdesk.server.http.ClientAddresses;
import dev.frontdesk.server.http.GatewayCredential;
import dev.frontdesk.server.http.Responses;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;

/**
 * Gateway mode: the forward-auth endpoint a reverse proxy asks before it passes an API call on
 * (nginx {@code auth_request}, Traefik ForwardAuth, Envoy ext_authz). It finds the credential the way
 * the product the client was written for carries it (each dialect's {@link GatewayCredential}, in
 * order), validates it through the session engine exactly as {@code GET /api/v1/session} does (one
 * hash, one in-memory lookup, coalesced touch: it counts as activity, with no write per request), and
 * answers 200 with the caller's identity in headers for the upstream, 401 in the dialect of the first
 * credential found (the native 401 when there is none), or 403 when the tenant's rules refuse.
 *
 * <p>The identity headers are the only thing the upstream may trust, so the proxy must overwrite any
 * the client sent (the shipped configurations do). The session ID never appears in them: the session
 * is named by its admin reference. Values outside printable ASCII (and {@code %} and {@code ,}) are
 * percent-encoded as UTF-8, so a header never carries raw non-ASCII and rights split on commas.
 */
public final class ForwardAuth implements HttpService {
    public static final String PATH = "/auth/verify";

    static final HeaderName TENANT = HeaderNames.create("X-Frontdesk-Tenant");
    static final HeaderName USER = HeaderNames.create("X-Frontdesk-User");
    static final HeaderName ACCOUNT_TYPE = HeaderNames.create("X-Frontdesk-Account-Type");
    static final HeaderName CHANNEL = HeaderNames.create("X-Frontdesk-Channel");
    static final HeaderName SESSION_REF = HeaderNames.create("X-Frontdesk-Session-Ref");
    static final HeaderName ACCESS_RIGHTS = HeaderNames.create("X-Frontdesk-Access-Rights");
    static final HeaderName CLIENT_ID = HeaderNames.create("X-Frontdesk-Client-Id");

    private final Tenants tenants;
    private final SessionEngine sessions;
    private final ClientApps clients;
    private final GatewayRules rules;
    private final AccountRights rights;
    private final ClientAddresses addresses;
    private final List<GatewayCredential> credentials;
    private final GatewayCredential whenNone;

    public ForwardAuth(Tenants tenants, SessionEngine sessions, ClientApps clients, GatewayRules rules,
                       AccountRights rights, ClientAddresses addresses, List<GatewayCredential> credentials,
                       GatewayCredential whenNone) {
        this.tenants = tenants;
        this.sessions = sessions;
        this.clients = clients;
        this.rules = rules;
        this.rights = rights;
        this.addresses = addresses;
        this.credentials = List.copyOf(credentials);
        this.whenNone = whenNone;
    }

    @Override
    public void routing(HttpRules routing) {
        routing.any(PATH, this::verify).any(PATH + "/{+original}", this::verify);
    }

    private void verify(ServerRequest req, ServerResponse res) {
        Tenant tenant = tenants.forHost(addresses.requestedHost(req));
        boolean viaTls = addresses.viaTls(req);
        GatewayCredential refusing = null;
        for (GatewayCredential credential : credentials) {
            Optional<String> presented = credential.find(req, viaTls);
            if (presented.isEmpty()) {
                continue;
            }
            if (refusing == null) {
                refusing = credential;
            }
            if (credential.kind() == GatewayCredential.Kind.CLIENT_TOKEN) {
                Optional<AccessToken> token = clients.validate(presented.get())
                        .filter(t -> t.tenant().equals(tenant.id()));
                if (token.isPresent()) {
                    admit(req, res, tenant, new Caller(credential.name(), null, List.of()), null, token.get().clientId());
                    return;
                }
            } else {
                Optional<Session> session = sessions.validate(presented.get())
                        .filter(s -> s.tenant().equals(tenant.id()) && credential.accepts(s.channel()));
                if (session.isPresent()) {
                    Session s = session.get();
                    Caller caller = new Caller(s.channel(), s.accountType(), rights.of(s.tenant(), s.accountId()));
                    admit(req, res, tenant, caller, s, s.clientId());
                    return;
                }
            }
        }
        (refusing == null ? whenNone : refusing).unauthorized(req, res, tenant);
    }

    private void admit(ServerRequest req, ServerResponse res, Tenant tenant, Caller caller, Session session,
                       String clientId) {
        if (!rules.of(tenant.id()).isEmpty()) { // without rules the original request does not matter
            Optional<OriginalRequest> original = OriginalRequest.of(req, PATH);
            if (original.isEmpty()
                    || !rules.admits(tenant.id(), original.get().method(), original.get().path(), caller)) {
                Responses.error(res, 403, "forbidden", null);
                return;
            }
        }
        // all seven, empty when not applicable: a proxy that copies them then overwrites any the client sent
        res.header(TENANT, HeaderValues.encode(tenant.id()));
        res.header(USER, session == null ? "" : HeaderValues.encode(session.username()));
        res.header(ACCOUNT_TYPE, session == null || session.accountType() == null ? "" : session.accountType().wireName());
        res.header(CHANNEL, HeaderValues.encode(caller.channel()));
        res.header(SESSION_REF, session == null ? "" : HeaderValues.encode(session.ref()));
        res.header(ACCESS_RIGHTS, HeaderValues.list(caller.accessRights()));
        res.header(CLIENT_ID, clientId == null ? "" : HeaderValues.encode(clientId));
        res.status(200).send();
    }
}
