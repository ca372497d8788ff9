package dev.frontdesk.server.transfer;

import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.json.Json;
import org.jdbi.v3.core.Handle;

/**
 * The default tenant exists on every server (the core creates it at the first start); an import into a
 * store no server has opened yet creates it the same way before writing records that belong to it.
 */
final class DefaultTenant {
    private DefaultTenant() {
    }

    static void ensure(Handle h) {
        boolean exists = h.createQuery("SELECT COUNT(*) FROM tenants WHERE id = :id").bind("id", Tenant.DEFAULT)
                .mapTo(Integer.class).one() > 0;
        if (!exists) {
            Tenant tenant = Tenant.defaultTenant();
            h.createUpdate("INSERT INTO tenants (id, hosts, settings) VALUES (:id, :hosts, :settings)")
                    .bind("id", tenant.id()).bind("hosts", Json.write(tenant.hosts()))
                    .bind("settings", Json.write(tenant.settings())).execute();
        }
    }
}
