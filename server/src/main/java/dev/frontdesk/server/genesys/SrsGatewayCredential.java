package dev.frontdesk.server.genesys;

import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.GatewayCredential;
import dev.frontdesk.server.http.Requests;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * The Screen Recording Service session for the gateway: {@code JSESSIONID} naming an SRS session,
 * refused as the Web Services API refuses: 401, {@code statusCode} 20 "Access denied" and the
 * {@code xBasic} challenge (no browser password dialog).
 */
public final class SrsGatewayCredential implements GatewayCredential {
    @Override
    public String name() {
        return SrsDialect.CHANNEL;
    }

    @Override
    public Optional<String> find(ServerRequest request, boolean viaTls) {
        return Requests.cookie(request, SrsDialect.COOKIE).map(String::trim).filter(v -> !v.isEmpty());
    }

    @Override
    public boolean accepts(String channel) {
        return channel.equals(SrsDialect.CHANNEL);
    }

    @Override
    public void unauthorized(ServerRequest request, ServerResponse response, Tenant tenant) {
        SrsReplies.status(response, 401, SrsReplies.NOT_AUTHENTICATED, "Access denied");
    }
}
