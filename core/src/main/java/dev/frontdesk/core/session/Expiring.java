package dev.frontdesk.core.session;

import java.time.Instant;

/** Something held under a per-owner cap until it expires: sessions (per account) and access tokens (per client). */
public interface Expiring {
    /** Storage key: the hash of the bearer secret. */
    String key();

    /** Whose cap it counts against. */
    String owner();

    Instant createdAt();

    Instant expiresAt();

    default boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt());
    }
}
