package dev.frontdesk.server.oauth;

import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.GatewayCredential;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.Responses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * A client application's access token (RFC 6749, from {@code /oauth2/token} or eGain v19) for the
 * gateway: a Bearer token; refused as RFC 6750 says, 401 with {@code error="invalid_token"}.
 */
public final class OAuthGatewayCredential implements GatewayCredential {
    @Override
    public String name() {
        return "oauth2";
    }

    @Override
    public Kind kind() {
        return Kind.CLIENT_TOKEN;
    }

    @Override
    public Optional<String> find(ServerRequest request, boolean viaTls) {
        return Requests.bearerToken(request);
    }

    @Override
    public boolean accepts(String channel) {
        return false;
    }

    @Override
    public void unauthorized(ServerRequest request, ServerResponse response, Tenant tenant) {
        response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        Responses.error(response, 401, "invalid_token", null);
    }
}
