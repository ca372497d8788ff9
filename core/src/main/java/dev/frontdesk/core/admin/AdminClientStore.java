package dev.frontdesk.core.admin;

import java.time.Instant;
import java.util.Optional;

/** Port: which service clients may act as administrators, and which of their tokens carry {@code scope=admin}. */
public interface AdminClientStore {
    void saveGrant(AdminGrant grant);

    Optional<AdminGrant> findGrant(String clientId);

    void deleteGrant(String clientId);

    /** Marks an issued token (by its hash) as admin-scoped until it expires; drops marks already expired. */
    void markAdminToken(String tokenHash, String clientId, Instant expiresAt, Instant now);

    boolean isAdminToken(String tokenHash);
}
