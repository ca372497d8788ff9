package dev.frontdesk.core.admin;

import java.util.Locale;

/** One thing an admin API route does; {@link AdminRole} says who may. */
public enum AdminPermission {
    /** Read tenants and their settings. */
    TENANTS_READ,
    /** Create or replace a tenant, change its settings. */
    TENANTS_WRITE,
    ACCOUNTS_READ,
    /** Create, change and delete accounts. */
    ACCOUNTS_WRITE,
    /** Enable or disable an account (and nothing else of it). */
    ACCOUNT_ENABLE,
    /** Set a new password for an account. */
    ACCOUNT_PASSWORD_RESET,
    CLIENTS_READ,
    CLIENTS_WRITE,
    SESSIONS_READ,
    SESSIONS_END,
    /** A tenant's audit events. */
    EVENTS_READ,
    ADMINISTRATORS_READ,
    ADMINISTRATORS_MANAGE,
    /** Events outside every tenant: administrator sign-ins and changes. */
    SERVER_EVENTS_READ,
    /** One's own second factors; every role has it. */
    SELF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
