package dev.frontdesk.core.openid;

import java.time.Instant;
import java.util.Objects;

/**
 * An OpenID Connect identity ({@code issuer} + {@code subject}) linked to an account. {@code provider}
 * is the tenant's display name for the issuer ("Google"); {@code guidHash} is the SHA-256 of the
 * OpenID GUID that logs the account in (the GUID itself is never stored).
 */
public record OpenIdLink(String tenant, String issuer, String subject, String provider, String accountId,
                         String guidHash, Instant linkedAt) {
    public OpenIdLink {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(guidHash, "guidHash");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }
}
