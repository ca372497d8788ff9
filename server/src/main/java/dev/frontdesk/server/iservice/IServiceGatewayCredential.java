package dev.frontdesk.server.iservice;

import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.GatewayCredential;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.Responses;
import dev.frontdesk.server.http.SessionCookies;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The iService session for the gateway: the session cookie under the name it was set with for the
 * client's connection ({@code __Host-iservice-session} when the client reached the proxy over TLS),
 * naming an iService session; refused with 401 and iService's {@code {"loggedIn": anonymous,
 * "errors": ["You are not logged in."]}}.
 */
public final class IServiceGatewayCredential implements GatewayCredential {
    @Override
    public String name() {
        return IServiceSessions.CHANNEL;
    }

    @Override
    public Optional<String> find(ServerRequest request, boolean viaTls) {
        return Requests.cookie(request, SessionCookies.name(SessionCookie.SPEC, viaTls))
                .map(String::trim).filter(v -> !v.isEmpty());
    }

    @Override
    public boolean accepts(String channel) {
        return channel.equals(IServiceSessions.CHANNEL);
    }

    @Override
    public void unauthorized(ServerRequest request, ServerResponse response, Tenant tenant) {
        Responses.json(response, 401, Map.of("loggedIn", LoggedInView.anonymous(tenant),
                "errors", List.of(Messages.NOT_LOGGED_IN)));
    }
}
