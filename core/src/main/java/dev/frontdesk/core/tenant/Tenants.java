package dev.frontdesk.core.tenant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenants, cached in memory (they change rarely and are read on every request). A request's tenant
 * is the one claiming its host name, else {@code default}, which always exists.
 */
public final class Tenants {
    private final TenantStore store;
    private final Map<String, Tenant> byId = new ConcurrentHashMap<>();
    private volatile Map<String, String> tenantByHost = Map.of();

    public Tenants(TenantStore store) {
        this.store = store;
        if (store.find(Tenant.DEFAULT).isEmpty()) {
            store.save(Tenant.defaultTenant());
        }
        reload();
    }

    public Optional<Tenant> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Tenant require(String id) {
        return find(id).orElseThrow(() -> new UnknownTenant(id));
    }

    public List<Tenant> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(Tenant::id)).toList();
    }

    /** The tenant claiming {@code host} (port ignored), else the default tenant. */
    public Tenant forHost(String host) {
        if (host != null) {
            String name = stripPort(host.trim().toLowerCase(java.util.Locale.ROOT));
            String id = tenantByHost.get(name);
            if (id != null) {
                return byId.get(id);
            }
        }
        return byId.get(Tenant.DEFAULT);
    }

    public synchronized void save(Tenant tenant) {
        for (String host : tenant.hosts()) {
            String owner = tenantByHost.get(host);
            if (owner != null && !owner.equals(tenant.id())) {
                throw new dev.frontdesk.core.support.Validation("hosts", "host " + host + " belongs to tenant " + owner);
            }
        }
        store.save(tenant);
        reload();
    }

    /** Re-reads tenants from the store (another node may have changed them). */
    public synchronized void reload() {
        Map<String, String> hosts = new ConcurrentHashMap<>();
        Map<String, Tenant> fresh = new ConcurrentHashMap<>();
        for (Tenant tenant : store.findAll()) {
            fresh.put(tenant.id(), tenant);
            tenant.hosts().forEach(h -> hosts.put(h, tenant.id()));
        }
        byId.keySet().retainAll(fresh.keySet());
        byId.putAll(fresh);
        tenantByHost = Map.copyOf(hosts);
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }

    /** The named tenant does not exist. */
    public static final class UnknownTenant extends RuntimeException {
        public UnknownTenant(String id) {
            super("unknown tenant: " + id);
        }
    }
}
