package dev.frontdesk.server.nativeapi;

import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.GatewayCredential;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.Responses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * A native session for the gateway, found as {@code GET /api/v1/session} finds it ({@code X-Session-Token},
 * else a Bearer token) and, like it, naming a session of any channel. Its 401 is the native
 * {@code {"error": "invalid_session"}} with a Bearer challenge; it is also the gateway's answer when
 * the request carries no credential at all.
 */
public final class NativeGatewayCredential implements GatewayCredential {
    @Override
    public String name() {
        return NativeApi.CHANNEL;
    }

    @Override
    public Optional<String> find(ServerRequest request, boolean viaTls) {
        return NativeApi.presentedSessionId(request);
    }

    @Override
    public boolean accepts(String channel) {
        return true;
    }

    @Override
    public void unauthorized(ServerRequest request, ServerResponse response, Tenant tenant) {
        response.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"frontdesk\"");
        Responses.error(response, 401, "invalid_session", null);
    }
}
