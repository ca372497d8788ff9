package dev.frontdesk.core.openid;

import dev.frontdesk.core.support.Secrets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Links verified OpenID identities to accounts and hands out the OpenID GUID that logs the account in.
 * A GUID is 128 random bits, stored only as its SHA-256; linking the same identity again issues a new
 * GUID and the previous one stops working.
 */
public final class OpenIdLinks {
    private final OpenIdLinkStore store;
    private final Clock clock;
    private final Secrets secrets;

    public OpenIdLinks(OpenIdLinkStore store, Clock clock, Secrets secrets) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    public Optional<OpenIdLink> find(String tenant, String issuer, String subject) {
        return store.findBySubject(tenant, issuer, subject);
    }

    public List<OpenIdLink> linksOf(String tenant, String accountId) {
        return store.findByAccount(tenant, accountId);
    }

    /** Links the identity to the account (replacing any earlier link of it) and returns a fresh GUID. */
    public String link(String tenant, String issuer, String subject, String provider, String accountId) {
        String guid = secrets.newSecret();
        store.save(new OpenIdLink(tenant, issuer, subject, provider, accountId, Secrets.hash(guid), clock.instant()));
        return guid;
    }

    /** The account the GUID logs in, if any. */
    public Optional<String> accountFor(String tenant, String guid) {
        if (guid == null || guid.isBlank() || guid.length() > 128) {
            return Optional.empty();
        }
        return store.findByGuidHash(tenant, Secrets.hash(guid)).map(OpenIdLink::accountId);
    }
}
