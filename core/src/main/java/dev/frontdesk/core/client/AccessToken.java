package dev.frontdesk.core.client;

import dev.frontdesk.core.session.Expiring;
import java.time.Instant;

/** An opaque client access token, known only by its hash. */
public record AccessToken(String idHash, String tenant, String clientId, Instant createdAt, Instant expiresAt)
        implements Expiring {

    @Override
    public String key() {
        return idHash;
    }

    @Override
    public String owner() {
        return tenant + "/" + clientId;
    }
}
