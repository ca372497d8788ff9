package dev.frontdesk.server.oauth;

import dev.frontdesk.core.client.ClientApps;
import dev.frontdesk.core.session.SessionEngine;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.ClientAddresses;
import dev.frontdesk.server.http.OriginPolicy;
import dev.frontdesk.server.http.Requests;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Optional;

/**
 * The OAuth 2.0 door: Frontdesk's own {@code /oauth2/*} endpoints (token, RFC 7009 revocation, RFC 7662
 * introspection), RFC 8414 metadata, and the token and revocation endpoints at eGain's ECE v19
 * client-application paths (with and without the {@code /system} context root), where ECE clients call
 * them. The v19 paths answer browsers of the tenant's {@code corsAllowedOrigins} (the shared
 * {@link OriginPolicy}): eGain single-page apps call them from their own origin.
 */
public final class OAuthService implements HttpService {
    static final String EGAIN_V19 = "/ws/v19/clientapplications/authentication/oauth2";
    private static final String[] EGAIN_ROOTS = {"", "/system"};
    private static final OriginPolicy.Cors V19_CORS = new OriginPolicy.Cors("POST, OPTIONS",
            "Content-Type, Accept, Accept-Language, X-egain-session, Authorization", "", true, 600);

    private final Requests requests;
    private final TokenEndpoint oauth2;
    private final TokenEndpoint egain;
    private final IntrospectionEndpoint introspection;
    private final Metadata metadata;

    public OAuthService(ClientApps clients, SessionEngine sessions, Requests requests, ClientAddresses addresses) {
        this.requests = requests;
        this.oauth2 = new TokenEndpoint(clients, requests, "oauth2");
        this.egain = new TokenEndpoint(clients, requests, "egain-v19");
        this.metadata = new Metadata(addresses);
        this.introspection = new IntrospectionEndpoint(clients, sessions, requests, metadata);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/oauth2/token", oauth2::token)
                .post("/oauth2/revoke", oauth2::revoke)
                .post("/oauth2/introspect", introspection::introspect)
                .get(Metadata.PATH, metadata::get);
        for (String root : EGAIN_ROOTS) {
            for (String path : new String[] {"/token", "/revoke"}) {
                rules.options(root + EGAIN_V19 + path, this::preflight);
            }
            rules.post(root + EGAIN_V19 + "/token", cors(egain::token))
                    .post(root + EGAIN_V19 + "/revoke", cors(egain::revoke));
        }
    }

    /** An allowed origin's preflight: 204 with the CORS answer; any other: 204 with {@code Allow} only. */
    private void preflight(io.helidon.webserver.http.ServerRequest req, io.helidon.webserver.http.ServerResponse res) {
        OriginPolicy.vary(res);
        Optional<String> origin = listedOrigin(req);
        if (origin.isPresent()) {
            OriginPolicy.preflight(res, origin.get(), V19_CORS);
        } else {
            res.header(HeaderNames.ALLOW, "POST, OPTIONS");
        }
        res.status(204).send();
    }

    private Handler cors(Handler handler) {
        return (req, res) -> {
            OriginPolicy.vary(res);
            listedOrigin(req).ifPresent(origin -> OriginPolicy.actual(res, origin, V19_CORS));
            handler.handle(req, res);
        };
    }

    private Optional<String> listedOrigin(io.helidon.webserver.http.ServerRequest req) {
        Tenant tenant = requests.tenant(req);
        return OriginPolicy.origin(req).filter(o -> OriginPolicy.listed(o, tenant));
    }
}
