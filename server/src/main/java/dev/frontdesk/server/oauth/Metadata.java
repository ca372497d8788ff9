package dev.frontdesk.server.oauth;

import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.ClientAddresses;
import dev.frontdesk.server.http.Responses;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * RFC 8414 authorization server metadata at {@code GET /.well-known/oauth-authorization-server}. A
 * tenant is chosen by the request's host, so the issuer is the origin the request addressed: its
 * scheme from the one TLS rule ({@link ClientAddresses#viaTls}: TLS ended at a trusted proxy counts),
 * its host and port from {@code Host}. Each tenant's clients thus discover their own endpoints.
 */
final class Metadata {
    static final String PATH = "/.well-known/oauth-authorization-server";
    private static final Pattern AUTHORITY = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:[0-9]{1,5})?");
    private static final List<String> AUTH_METHODS = List.of("client_secret_basic", "client_secret_post");

    private final ClientAddresses addresses;

    Metadata(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    /** {@code scheme://host[:port]} as the request addressed this server; 400 for a host that is no authority. */
    String issuer(ServerRequest req) {
        String authority = req.authority() == null ? "" : req.authority().trim();
        if (!AUTHORITY.matcher(authority).matches()) {
            throw new BadRequest("the Host header is not a valid authority", null);
        }
        return (addresses.viaTls(req) ? "https://" : "http://") + authority.toLowerCase(java.util.Locale.ROOT);
    }

    void get(ServerRequest req, ServerResponse res) {
        String issuer = issuer(req);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", issuer);
        body.put("token_endpoint", issuer + "/oauth2/token");
        body.put("revocation_endpoint", issuer + "/oauth2/revoke");
        body.put("introspection_endpoint", issuer + "/oauth2/introspect");
        body.put("grant_types_supported", List.of("client_credentials"));
        body.put("response_types_supported", List.of());
        body.put("token_endpoint_auth_methods_supported", AUTH_METHODS);
        body.put("revocation_endpoint_auth_methods_supported", AUTH_METHODS);
        body.put("introspection_endpoint_auth_methods_supported", AUTH_METHODS);
        Responses.json(res, 200, body);
    }
}
