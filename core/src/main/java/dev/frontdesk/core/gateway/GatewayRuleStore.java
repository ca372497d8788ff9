package dev.frontdesk.core.gateway;

import java.util.List;
import java.util.Map;

/** Where each tenant's gateway rules are kept, in order. Failures are {@code StoreUnavailable}. */
public interface GatewayRuleStore {
    /** Every tenant's rules (tenants without rules are absent). */
    Map<String, List<GatewayRule>> findAll();

    List<GatewayRule> find(String tenant);

    /** Replaces the tenant's rules as one change; an empty list removes them. */
    void replace(String tenant, List<GatewayRule> rules);
}
