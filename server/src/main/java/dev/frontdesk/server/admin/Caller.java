package dev.frontdesk.server.admin;

import dev.frontdesk.core.admin.AdminPermission;
import dev.frontdesk.core.admin.AdminRole;
import dev.frontdesk.core.admin.Administrator;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling the admin API, once authenticated: a named administrator (Basic or console session)
 * or a service client holding an admin-scoped token ({@code administrator} null, {@code name}
 * {@code client:<id>}). {@code enrolmentOnly}: a second factor is required and not yet enrolled, so
 * nothing but the caller's own enrolment is allowed.
 */
record Caller(String name, Administrator administrator, AdminRole role, Set<String> tenants, boolean enrolmentOnly) {
    Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        tenants = Set.copyOf(tenants);
    }

    static Caller of(Administrator admin, boolean enrolmentOnly) {
        return new Caller(admin.username(), admin, admin.role(), admin.tenants(), enrolmentOnly);
    }

    /** The role's permission, within the caller's tenants for a tenant-admin ({@code tenant} null: no tenant in the path). */
    boolean may(AdminPermission permission, String tenant) {
        if (permission == AdminPermission.SELF) {
            return administrator != null;
        }
        if (enrolmentOnly || !role.allows(permission)) {
            return false;
        }
        return role != AdminRole.TENANT_ADMIN || tenant == null || tenants.contains(tenant);
    }

    boolean seesTenant(String tenant) {
        return role != AdminRole.TENANT_ADMIN || tenants.contains(tenant);
    }
}
