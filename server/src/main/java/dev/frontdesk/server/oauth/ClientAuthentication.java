package dev.frontdesk.server.oauth;

import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.core.client.ClientApp;
import dev.frontdesk.core.client.ClientApps;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.BasicCredentials;
import dev.frontdesk.server.http.Requests;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Client authentication at the token, revocation and introspection endpoints: {@code client_secret_basic}
 * or {@code client_secret_post}, never both, through the core's one authentication step.
 *
 * <p>RFC 6749 §2.3.1 has clients form-encode id and secret before Basic; many clients (and Frontdesk's
 * own documentation until now) send them raw. Both are accepted, and no failure counts twice: a client
 * id never contains {@code %} or {@code +} (its grammar), so when decoding changes the id only the
 * decoded credentials can be meant; when only the secret changes, both spellings go to the core as
 * candidates of one attempt ({@link ClientApps#authenticateThrottled(String, String, List, RequestContext)}),
 * which the throttle counts once.
 */
final class ClientAuthentication {
    private final ClientApps clients;

    ClientAuthentication(ClientApps clients) {
        this.clients = clients;
    }

    /** Whether the request carries client credentials at all (Basic, or a form client_id/secret). */
    static boolean present(ServerRequest req, Map<String, String> form) {
        return Requests.basic(req).isPresent() || form.containsKey("client_id") || form.containsKey("client_secret");
    }

    /** The authenticated client, or empty once the RFC 6749 §5.2 error has been written. */
    Optional<ClientApp> authenticate(ServerRequest req, ServerResponse res, Map<String, String> form, Tenant tenant,
                                     RequestContext context) {
        Optional<BasicCredentials> basic = Requests.basic(req);
        boolean postAuth = form.containsKey("client_id") || form.containsKey("client_secret");
        if (basic.isPresent() && postAuth) {
            TokenEndpoint.error(res, 400, "invalid_request", "use one client authentication method, not two");
            return Optional.empty();
        }
        String clientId;
        List<String> secrets;
        if (basic.isPresent()) {
            BasicCredentials raw = basic.get();
            Optional<BasicCredentials> decoded = raw.formDecoded();
            if (decoded.isPresent() && !decoded.get().user().equals(raw.user())) {
                clientId = decoded.get().user();
                secrets = List.of(decoded.get().password());
            } else {
                clientId = raw.user();
                secrets = decoded.map(d -> List.of(d.password(), raw.password())).orElse(List.of(raw.password()));
            }
        } else {
            clientId = form.get("client_id");
            secrets = List.of(Optional.ofNullable(form.get("client_secret")).orElse(""));
        }
        switch (clients.authenticateThrottled(tenant.id(), clientId, secrets, context)) {
            case AuthOutcome.Accepted<ClientApp> a -> {
                return Optional.of(a.who());
            }
            case AuthOutcome.Throttled<ClientApp> t -> {
                res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
                TokenEndpoint.error(res, 429, "invalid_client", "too many failed client authentications; retry later");
                return Optional.empty();
            }
            default -> {
                res.header(HeaderNames.WWW_AUTHENTICATE, "Basic realm=\"frontdesk\", charset=\"UTF-8\"");
                TokenEndpoint.error(res, 401, "invalid_client", "client authentication failed");
                return Optional.empty();
            }
        }
    }
}
