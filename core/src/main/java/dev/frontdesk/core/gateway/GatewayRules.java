package dev.frontdesk.core.gateway;

import dev.frontdesk.core.support.Validation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's gateway rules, held in memory: the gateway check runs on every API call behind the
 * proxy and must not read storage. Rules change rarely; this node reloads them when they change here,
 * when another node announces a change, and at each sweep (like tenants), so a lost announcement
 * costs at most one sweep interval.
 *
 * <p>First match wins: the first rule whose path prefix and methods select the request decides
 * whether the caller passes; a request no rule selects passes for any live session of the tenant.
 */
public final class GatewayRules {
    public static final int MAX_RULES = 256;

    private final GatewayRuleStore store;
    private final Map<String, List<GatewayRule>> byTenant = new ConcurrentHashMap<>();

    public GatewayRules(GatewayRuleStore store) {
        this.store = Objects.requireNonNull(store, "store");
        reload();
    }

    public List<GatewayRule> of(String tenant) {
        return byTenant.getOrDefault(tenant, List.of());
    }

    /** Replaces a tenant's rules, in order. */
    public synchronized void replace(String tenant, List<GatewayRule> rules) {
        Validation.require(rules.size() <= MAX_RULES, "rules", "at most " + MAX_RULES + " rules per tenant");
        List<GatewayRule> copy = List.copyOf(rules);
        store.replace(tenant, copy);
        put(tenant, copy);
    }

    /** Whether the caller may make this request: the first rule selecting it decides, else yes. */
    public boolean admits(String tenant, String method, String path, Caller caller) {
        for (GatewayRule rule : of(tenant)) {
            if (rule.selects(method, path)) {
                return rule.admits(caller);
            }
        }
        return true;
    }

    /** Re-reads every tenant's rules (another node may have changed them). */
    public synchronized void reload() {
        Map<String, List<GatewayRule>> fresh = store.findAll();
        byTenant.keySet().retainAll(fresh.keySet());
        fresh.forEach(this::put);
    }

    /** Re-reads one tenant's rules, after another node announced a change. */
    public synchronized void reload(String tenant) {
        put(tenant, store.find(tenant));
    }

    private void put(String tenant, List<GatewayRule> rules) {
        if (rules.isEmpty()) {
            byTenant.remove(tenant);
        } else {
            byTenant.put(tenant, List.copyOf(rules));
        }
    }
}
