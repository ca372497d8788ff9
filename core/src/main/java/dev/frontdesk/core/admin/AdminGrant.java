package dev.frontdesk.core.admin;

import dev.frontdesk.core.support.Validation;
import java.util.Objects;
import java.util.Set;

/** The administrator role a service client of the {@code default} tenant may take with {@code scope=admin}. */
public record AdminGrant(String clientId, AdminRole role, Set<String> tenants) {
    public AdminGrant {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(role, "adminRole");
        tenants = Set.copyOf(Objects.requireNonNullElse(tenants, Set.of()));
        Validation.require(role == AdminRole.TENANT_ADMIN ? !tenants.isEmpty() : tenants.isEmpty(), "tenants",
                role == AdminRole.TENANT_ADMIN ? "a tenant-admin needs at least one tenant"
                        : "tenants apply only to the tenant-admin role");
    }

    /** How the audit trail names the client when it acts as an administrator. */
    public String actorName() {
        return "client:" + clientId;
    }
}
