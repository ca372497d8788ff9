package dev.frontdesk.core.openid;

import java.util.List;
import java.util.Optional;

/** Port: where OpenID identities are linked to accounts. One link per (tenant, issuer, subject). */
public interface OpenIdLinkStore {
    Optional<OpenIdLink> findBySubject(String tenant, String issuer, String subject);

    Optional<OpenIdLink> findByGuidHash(String tenant, String guidHash);

    List<OpenIdLink> findByAccount(String tenant, String accountId);

    /** Inserts the link, or replaces the one with the same (tenant, issuer, subject). */
    void save(OpenIdLink link);
}
