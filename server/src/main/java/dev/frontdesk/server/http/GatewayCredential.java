package dev.frontdesk.server.http;

import dev.frontdesk.core.tenant.Tenant;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * How one dialect's clients carry their credential, for the gateway's forward-auth endpoint: where
 * the credential is found (the dialect's own header or cookie), which sessions it may name, and the
 * 401 that dialect would answer, so a client behind the proxy sees the error of the product it was
 * written for. Each dialect implements this in its own package; the gateway knows only this contract.
 */
public interface GatewayCredential {
    /** What the credential names: a session of the core's engine, or a client application's access token. */
    enum Kind { SESSION, CLIENT_TOKEN }

    /** A short name; for a client token also the channel reported to the upstream. */
    String name();

    default Kind kind() {
        return Kind.SESSION;
    }

    /**
     * The credential as this dialect's clients send it, if the request carries one. {@code viaTls}:
     * whether the client reached the proxy over TLS (cookie names may differ).
     */
    Optional<String> find(ServerRequest request, boolean viaTls);

    /** Whether a live session of this channel is one this credential may name (sessions only). */
    boolean accepts(String channel);

    /** Writes this dialect's 401 for a missing, ended or expired credential. */
    void unauthorized(ServerRequest request, ServerResponse response, Tenant tenant);
}
