package dev.frontdesk.server.egain;

import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.GatewayCredential;
import dev.frontdesk.server.http.Requests;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * The eGain session for the gateway: {@code X-egain-session} naming a session opened through an eGain
 * login API, refused with eGain's own 401 ({@code session.invalid}, XML or JSON by {@code Accept},
 * in the negotiated language; the v15 namespace when the original path is a v15 one).
 */
public final class EgainGatewayCredential implements GatewayCredential {
    private static final String CHANNEL_FAMILY = "egain-";

    @Override
    public String name() {
        return "egain";
    }

    @Override
    public Optional<String> find(ServerRequest request, boolean viaTls) {
        return Requests.header(request, EgainDialect.SESSION_HEADER).map(String::trim).filter(v -> !v.isEmpty());
    }

    @Override
    public boolean accepts(String channel) {
        return channel.startsWith(CHANNEL_FAMILY);
    }

    @Override
    public void unauthorized(ServerRequest request, ServerResponse response, Tenant tenant) {
        String original = Requests.header(request, "X-Original-URI")
                .or(() -> Requests.header(request, "X-Forwarded-Uri")).orElse(request.path().rawPath());
        EgainApi api = original.contains("/v15/") ? EgainApi.V15 : EgainApi.V12;
        Exchange exchange = EgainExchanges.provisional(api, request.headers(), tenant);
        try {
            exchange = exchange.withLanguage(EgainExchanges.language(request.headers(), exchange.language()));
        } catch (EgainError e) {
            // an Accept-Language naming none of eGain's languages: the tenant's default, as for a 406
        }
        EgainReplies.error(response, exchange, new EgainError(401, "session.invalid"), "error");
    }
}
