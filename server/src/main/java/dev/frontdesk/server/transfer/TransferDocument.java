package dev.frontdesk.server.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * The file {@code frontdesk export} writes and {@code frontdesk import} reads: {@code format} and
 * {@code version} first, then one section per kind of record, each record keyed by its natural key
 * (tenant id; tenant + user name; tenant + issuer + subject; tenant + client ID; administrator name;
 * client ID of an administrator client) so that an import into another installation matches records
 * without relying on generated IDs. Passwords and client secrets appear only as the hashes the store
 * keeps (the secrets Frontdesk itself must use, a tenant's SMTP and LDAP passwords, in clear); sessions, tokens, reset codes and audit events are never exported. Gateway rules are each
 * tenant's ordered list, replaced as a whole by an import.
 *
 * <p>Administrators and administrator clients are server-wide: an export of one tenant leaves them out.
 * An administrator's confirmed TOTP key does travel, in clear (Base32, as the store keeps it and as an
 * authenticator app holds it), so that administrators keep their apps after a move; with it its newest
 * accepted step (no code is accepted twice across the move) and the SHA-256 hashes of its recovery
 * codes. Passkeys are public keys. A TOTP key being pending (shown, not confirmed) does not travel.
 */
public record TransferDocument(String format, int version, Instant exportedAt, List<TenantEntry> tenants,
                               List<AccountEntry> accounts, List<OpenIdLinkEntry> openIdLinks,
                               List<ClientEntry> clients, List<AdministratorEntry> administrators,
                               List<AdminClientEntry> adminClients, List<GatewayRuleEntry> gatewayRules) {
    public static final String FORMAT = "frontdesk-export";
    public static final int VERSION = 1;

    public TransferDocument {
        tenants = List.copyOf(Objects.requireNonNullElse(tenants, List.of()));
        accounts = List.copyOf(Objects.requireNonNullElse(accounts, List.of()));
        openIdLinks = List.copyOf(Objects.requireNonNullElse(openIdLinks, List.of()));
        clients = List.copyOf(Objects.requireNonNullElse(clients, List.of()));
        administrators = List.copyOf(Objects.requireNonNullElse(administrators, List.of()));
        adminClients = List.copyOf(Objects.requireNonNullElse(adminClients, List.of()));
        gatewayRules = List.copyOf(Objects.requireNonNullElse(gatewayRules, List.of()));
    }

    /**
     * A tenant; {@code settings} as the admin API takes them, with the SMTP and LDAP passwords in clear:
     * the export opens them with the source's secret key, the import seals them with the target's (the
     * file is as sensitive as the database). A file from an older version holds them sealed
     * ({@code sealed:v1:<key id>:...}, with the source's key); an import takes such a value only when its
     * own key opens it.
     */
    public record TenantEntry(String id, List<String> hosts, ObjectNode settings) {
    }

    /** An account with its stored password hash (any form {@code LegacyAwareHasher} recognizes, or none). */
    public record AccountEntry(String tenant, String id, String username, String type, String email,
                               String firstName, String lastName, Long idleTimeoutSeconds,
                               List<String> accessRights, List<String> segments, boolean enabled,
                               String passwordHash, Map<String, String> properties, Instant createdAt) {
    }

    /** An OpenID identity linked to the account {@code username} of {@code tenant}; the GUID only as its hash. */
    public record OpenIdLinkEntry(String tenant, String issuer, String subject, String provider, String username,
                                  String guidHash, Instant linkedAt) {
    }

    /** A client application with its secret's hash. */
    public record ClientEntry(String tenant, String clientId, String name, String secretHash, Instant createdAt) {
    }

    /** One gateway rule of {@code tenant}, in the tenant's order (the first match wins). */
    public record GatewayRuleEntry(String tenant, String pathPrefix, List<String> methods, List<String> channels,
                                   List<String> accountTypes, List<String> accessRights) {
    }

    /**
     * An administrator of the whole server. For the bootstrap {@code admin}, {@code passwordHash} is the
     * generated password's stored hash (absent when {@code FRONTDESK_ADMIN_PASSWORD} chose it), the role is
     * always {@code owner} and {@code createdAt} is left out; named administrators have all of them.
     * {@code totpSecret}, {@code totpLastStep}, {@code recoveryCodeHashes} and {@code passkeys} are the
     * second factors (absent or empty when none is enrolled).
     */
    public record AdministratorEntry(String name, String role, List<String> tenants, String passwordHash,
                                     Instant createdAt, String totpSecret, Long totpLastStep,
                                     List<String> recoveryCodeHashes, List<PasskeyEntry> passkeys) {
        public AdministratorEntry {
            tenants = tenants == null ? null : List.copyOf(tenants);
            recoveryCodeHashes = recoveryCodeHashes == null ? null : List.copyOf(recoveryCodeHashes);
            passkeys = passkeys == null ? null : List.copyOf(passkeys);
        }
    }

    /**
     * A WebAuthn credential of an administrator: its ID and attested credential data (public key), both
     * base64url as stored, and the authenticator's signature counter.
     */
    public record PasskeyEntry(String credentialId, String material, long signCount, Instant createdAt) {
    }

    /** A client of the {@code default} tenant that may act as an administrator with {@code scope=admin}. */
    public record AdminClientEntry(String clientId, String role, List<String> tenants) {
    }
}
