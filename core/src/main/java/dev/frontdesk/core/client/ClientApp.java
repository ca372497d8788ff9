package dev.frontdesk.core.client;

import dev.frontdesk.core.support.Validation;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** A registered client application (e.g. a Webex Connect flow). Its secret is kept only as an Argon2 hash. */
public record ClientApp(String tenant, String clientId, String name, String secretHash, Instant createdAt) {
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    public ClientApp {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Validation.require(clientId != null && CLIENT_ID.matcher(clientId).matches(), "clientId",
                "clientId must be 1-128 characters of A-Z a-z 0-9 . _ ~ -");
        name = Objects.requireNonNullElse(name, clientId);
    }
}
