package dev.frontdesk.core.admin;

import dev.frontdesk.core.support.Validation;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A named administrator. {@code passwordHash} is null only for the bootstrap owner, whose password
 * comes from the deployment ({@code FRONTDESK_ADMIN_PASSWORD} or the generated one). {@code totpSecret}
 * is the confirmed TOTP key (Base32), {@code totpPending} one shown for enrolment and not yet
 * confirmed by a code; {@code totpLastStep} the newest time step a code was accepted for, so no code
 * is accepted twice; {@code passkeys} how many WebAuthn credentials it has.
 */
public record Administrator(String username, AdminRole role, Set<String> tenants, String passwordHash,
                            Instant createdAt, String totpSecret, String totpPending, long totpLastStep,
                            int passkeys) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    public Administrator {
        username = normalize(username);
        Objects.requireNonNull(role, "role");
        tenants = Set.copyOf(new TreeSet<>(Objects.requireNonNullElse(tenants, Set.of())));
        Validation.require(role == AdminRole.TENANT_ADMIN ? !tenants.isEmpty() : tenants.isEmpty(), "tenants",
                role == AdminRole.TENANT_ADMIN ? "a tenant-admin needs at least one tenant"
                        : "tenants apply only to the tenant-admin role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Lower case; letters, digits and {@code . _ @ -}, at most 64. */
    public static String normalize(String username) {
        String name = Validation.requireText(username, "username").trim().toLowerCase(Locale.ROOT);
        Validation.require(NAME.matcher(name).matches(), "username",
                "username: 1-64 of a-z 0-9 . _ @ -, starting with a letter or digit");
        return name;
    }

    public boolean isBootstrap() {
        return Administrators.BOOTSTRAP.equals(username);
    }

    /** TOTP or a passkey. */
    public boolean hasSecondFactor() {
        return totpSecret != null || passkeys > 0;
    }

    /** True when the role allows the permission and, for a tenant-admin, the tenant is one of its own. */
    public boolean may(AdminPermission permission, String tenant) {
        if (!role.allows(permission)) {
            return false;
        }
        return role != AdminRole.TENANT_ADMIN || tenant == null || tenants.contains(tenant);
    }

    public Administrator with(AdminRole newRole, Set<String> newTenants) {
        return new Administrator(username, newRole, newTenants, passwordHash, createdAt, totpSecret, totpPending,
                totpLastStep, passkeys);
    }

    public Administrator withPasswordHash(String hash) {
        return new Administrator(username, role, tenants, hash, createdAt, totpSecret, totpPending, totpLastStep,
                passkeys);
    }

    public Administrator withTotp(String secret, String pending) {
        return new Administrator(username, role, tenants, passwordHash, createdAt, secret, pending, totpLastStep,
                passkeys);
    }

    @Override
    public String toString() {
        return "Administrator[" + username + ", " + role.wireName() + ", " + tenants + "]";
    }
}
