package dev.frontdesk.server.oauth;

import dev.frontdesk.core.admin.AdminClients;
import dev.frontdesk.core.client.ClientApps;
import dev.frontdesk.core.session.SessionEngine;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.ClientAddresses;
import dev.frontdesk.server.http.ErrorFrame;
import dev.frontdesk.server.http.Failure;
import dev.frontdesk.server.http.OriginPolicy;
import dev.frontdesk.server.http.Requests;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The OAuth 2.0 door: Frontdesk's own {@code /oauth2/*} endpoints (token, RFC 7009 revocation, RFC 7662
 * introspection), RFC 8414 metadata, and the token and revocation endpoints at eGain's ECE v19
 * client-application paths (with and without the {@code /system} context root), where ECE clients call
 * them. The v19 paths answer browsers of the tenant's {@code corsAllowedOrigins} (the shared
 * {@link OriginPolicy}): eGain single-page apps call them from their own origin. Failures are RFC 6749
 * §5.2 bodies from the shared {@link ErrorFrame}; an outage is 503 {@code temporarily_unavailable} with
 * {@code Retry-After}.
 */
public final class OAuthService implements HttpService {
    static final String EGAIN_V19 = "/ws/v19/clientapplications/authentication/oauth2";
    private static final String[] EGAIN_ROOTS = {"", "/system"};
    private static final OriginPolicy.Cors V19_CORS = new OriginPolicy.Cors("POST, OPTIONS",
            "Content-Type, Accept, Accept-Language, X-egain-session, Authorization", "", true, 600);

    private final ErrorFrame frame;
    private final TokenEndpoint oauth2;
    private final TokenEndpoint egain;
    private final IntrospectionEndpoint introspection;
    private final Metadata metadata;

    public OAuthService(ClientApps clients, AdminClients adminClients, SessionEngine sessions, Requests requests,
                        ClientAddresses addresses, ErrorFrame frame) {
        this.frame = frame;
        this.oauth2 = new TokenEndpoint(clients, adminClients, requests, "oauth2");
        this.egain = new TokenEndpoint(clients, adminClients, requests, "egain-v19");
        this.metadata = new Metadata(addresses);
        this.introspection = new IntrospectionEndpoint(clients, sessions, requests, metadata);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/oauth2/token", framed(oauth2::token, false))
                .post("/oauth2/revoke", framed(oauth2::revoke, false))
                .post("/oauth2/introspect", framed(introspection::introspect, false))
                .get(Metadata.PATH, framed(metadata::get, false));
        for (String root : EGAIN_ROOTS) {
            for (String path : new String[] {"/token", "/revoke"}) {
                rules.options(root + EGAIN_V19 + path, framed(OAuthService::preflight, true));
            }
            rules.post(root + EGAIN_V19 + "/token", framed(egain::token, true))
                    .post(root + EGAIN_V19 + "/revoke", framed(egain::revoke, true));
        }
    }

    /** An allowed origin's preflight: 204 with the CORS answer (set by the frame); any other: {@code Allow} only. */
    private static void preflight(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.ALLOW, "POST, OPTIONS");
        res.status(204).send();
    }

    /** The shared frame; {@code cors}: the v19 paths answer the tenant's listed browser origins. */
    private Handler framed(Handler handler, boolean cors) {
        return frame.of(OAuthService::writeFailure, (req, res, tenant) -> {
            if (cors) {
                corsHeaders(req, res, tenant);
            }
            try {
                handler.handle(req, res);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void corsHeaders(ServerRequest req, ServerResponse res, Tenant tenant) {
        OriginPolicy.vary(res);
        OriginPolicy.origin(req).filter(o -> OriginPolicy.listed(o, tenant)).ifPresent(origin -> {
            if (req.prologue().method().text().equals("OPTIONS")) {
                OriginPolicy.preflight(res, origin, V19_CORS);
            } else {
                OriginPolicy.actual(res, origin, V19_CORS);
            }
        });
    }

    private static void writeFailure(ServerRequest req, ServerResponse res, Tenant tenant, Failure failure) {
        switch (failure.kind()) {
            case CLIENT, TOO_LARGE -> TokenEndpoint.error(res, failure.status(), "invalid_request", failure.message());
            case UNAVAILABLE -> TokenEndpoint.error(res, 503, "temporarily_unavailable",
                    "the server cannot reach its storage; retry later");
            case INTERNAL -> TokenEndpoint.error(res, 500, "server_error", "internal error");
        }
    }
}
