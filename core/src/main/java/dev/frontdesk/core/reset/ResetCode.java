package dev.frontdesk.core.reset;

import java.time.Instant;
import java.util.Objects;

/** A password-reset code at rest: only the hash of the code the user was mailed. */
public record ResetCode(String codeHash, String tenant, String accountId, Instant createdAt, Instant expiresAt) {
    public ResetCode {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
