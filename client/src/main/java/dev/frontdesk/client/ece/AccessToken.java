package dev.frontdesk.client.ece;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A client application's bearer token.
 *
 * @param refreshAt when to ask for a new one: the expiry less the skew, but never earlier than half-way
 *                  through the token's life, so a short-lived token is not refreshed on every call
 */
public record AccessToken(String value, Instant expiresAt, Instant refreshAt) {
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(refreshAt, "refreshAt");
    }

    /** A token issued at {@code now} that lives {@code lifetime}; null lifetime means it does not say. */
    public static AccessToken issued(String value, Instant now, Duration lifetime, Duration skew) {
        if (lifetime == null) {
            return new AccessToken(value, Instant.MAX, Instant.MAX);
        }
        Duration early = skew.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : skew;
        Instant expiresAt = now.plus(lifetime);
        return new AccessToken(value, expiresAt, expiresAt.minus(early));
    }

    public boolean isFreshAt(Instant now) {
        return now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
        return "AccessToken[value=****, expiresAt=" + expiresAt + "]";
    }
}
