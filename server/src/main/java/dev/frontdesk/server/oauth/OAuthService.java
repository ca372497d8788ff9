package dev.frontdesk.server.oauth;

import dev.frontdesk.core.client.ClientApps;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.ErrorFrame;
import dev.frontdesk.server.http.Failure;
import dev.frontdesk.server.http.Requests;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The OAuth 2.0 door: Frontdesk's own {@code /oauth2/*} endpoints and the same endpoints at eGain's
 * ECE v19 client-application paths (with and without the {@code /system} context root), where ECE
 * clients call them. Failures are RFC 6749 §5.2 bodies; an outage is 503
 * {@code temporarily_unavailable} with {@code Retry-After}.
 */
public final class OAuthService implements HttpService {
    static final String EGAIN_V19 = "/ws/v19/clientapplications/authentication/oauth2";
    private static final String[] EGAIN_ROOTS = {"", "/system"};

    private final ErrorFrame frame;
    private final TokenEndpoint oauth2;
    private final TokenEndpoint egain;

    public OAuthService(ClientApps clients, Requests requests, ErrorFrame frame) {
        this.frame = frame;
        this.oauth2 = new TokenEndpoint(clients, requests, "oauth2");
        this.egain = new TokenEndpoint(clients, requests, "egain-v19");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/oauth2/token", framed(oauth2::token))
                .post("/oauth2/revoke", framed(oauth2::revokeBearer));
        for (String root : EGAIN_ROOTS) {
            rules.post(root + EGAIN_V19 + "/token", framed(egain::token))
                    .post(root + EGAIN_V19 + "/revoke", framed(egain::revokeBearer));
        }
    }

    private Handler framed(Handler handler) {
        return frame.of(OAuthService::writeFailure, (req, res, tenant) -> {
            try {
                handler.handle(req, res);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
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
