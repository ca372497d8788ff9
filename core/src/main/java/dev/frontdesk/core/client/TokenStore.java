package dev.frontdesk.core.client;

import dev.frontdesk.core.session.Admission;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: live access tokens, capped per client like sessions per account. */
public interface TokenStore {
    Admission<AccessToken> admit(AccessToken token, int cap, boolean force, Instant now);

    Optional<AccessToken> find(String idHash);

    Optional<AccessToken> remove(String idHash);

    List<AccessToken> findByClient(String tenant, String clientId);

    List<AccessToken> removeExpired(Instant now);
}
