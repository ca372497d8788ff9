package dev.frontdesk.server.oauth;

import dev.frontdesk.core.admin.AdminClients;
import dev.frontdesk.core.client.ClientApps;
import dev.frontdesk.server.http.Requests;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * The OAuth 2.0 door: Frontdesk's own {@code /oauth2/*} endpoints and the same endpoints at eGain's
 * ECE v19 client-application paths (with and without the {@code /system} context root), where ECE
 * clients call them.
 */
public final class OAuthService implements HttpService {
    static final String EGAIN_V19 = "/ws/v19/clientapplications/authentication/oauth2";
    private static final String[] EGAIN_ROOTS = {"", "/system"};

    private final TokenEndpoint oauth2;
    private final TokenEndpoint egain;

    public OAuthService(ClientApps clients, AdminClients adminClients, Requests requests) {
        this.oauth2 = new TokenEndpoint(clients, adminClients, requests, "oauth2");
        this.egain = new TokenEndpoint(clients, adminClients, requests, "egain-v19");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/oauth2/token", oauth2::token)
                .post("/oauth2/revoke", oauth2::revokeBearer);
        for (String root : EGAIN_ROOTS) {
            rules.post(root + EGAIN_V19 + "/token", egain::token)
                    .post(root + EGAIN_V19 + "/revoke", egain::revokeBearer);
        }
    }
}
