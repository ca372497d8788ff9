package dev.frontdesk.core.admin;

import dev.frontdesk.core.support.Validation;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an administrator may do. The table is here, once: the admin API asks {@link #allows} for the
 * permission its route names, and the console hides what the role does not allow.
 */
public enum AdminRole {
    /** Everything, including managing administrators. */
    OWNER(EnumSet.allOf(AdminPermission.class)),
    /** Everything inside the tenants listed on the administrator; no administrators, no new tenants elsewhere. */
    TENANT_ADMIN(EnumSet.complementOf(EnumSet.of(AdminPermission.ADMINISTRATORS_MANAGE,
            AdminPermission.ADMINISTRATORS_READ, AdminPermission.SERVER_EVENTS_READ))),
    /** Front-line support: read accounts and sessions, end sessions, reset a password, disable an account. */
    HELPDESK(EnumSet.of(AdminPermission.TENANTS_READ, AdminPermission.ACCOUNTS_READ, AdminPermission.SESSIONS_READ,
            AdminPermission.SESSIONS_END, AdminPermission.ACCOUNT_PASSWORD_RESET, AdminPermission.ACCOUNT_ENABLE)),
    /** Read-only, audit events included. */
    AUDITOR(EnumSet.of(AdminPermission.TENANTS_READ, AdminPermission.ACCOUNTS_READ, AdminPermission.SESSIONS_READ,
            AdminPermission.CLIENTS_READ, AdminPermission.EVENTS_READ, AdminPermission.ADMINISTRATORS_READ,
            AdminPermission.SERVER_EVENTS_READ));

    private final Set<AdminPermission> permissions;

    AdminRole(Set<AdminPermission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean allows(AdminPermission permission) {
        return permission == AdminPermission.SELF || permissions.contains(permission);
    }

    public Set<AdminPermission> permissions() {
        EnumSet<AdminPermission> all = EnumSet.of(AdminPermission.SELF);
        all.addAll(permissions);
        return all;
    }

    /** {@code tenant-admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AdminRole fromWire(String name) {
        for (AdminRole role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new Validation("role", "role must be one of owner, tenant-admin, helpdesk, auditor");
    }
}
