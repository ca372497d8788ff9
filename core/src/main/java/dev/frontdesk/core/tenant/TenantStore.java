package dev.frontdesk.core.tenant;

import java.util.List;
import java.util.Optional;

/** Port: where tenants live. */
public interface TenantStore {
    Optional<Tenant> find(String id);

    List<Tenant> findAll();

    /** Creates or replaces the tenant. */
    void save(Tenant tenant);
}
