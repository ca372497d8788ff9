package dev.frontdesk.server.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * The file {@code frontdesk export} writes and {@code frontdesk import} reads: {@code format} and
 * {@code version} first, then one section per kind of record, each record keyed by its natural key
 * (tenant id; tenant + user name; tenant + issuer + subject; tenant + client ID; administrator name) so
 * that an import into another installation matches records without relying on generated IDs. Secrets
 * appear only as the hashes the store keeps; sessions, tokens, reset codes and audit events are never
 * exported. Gateway rules are each tenant's ordered list, replaced as a whole by an import.
 */
public record TransferDocument(String format, int version, Instant exportedAt, List<TenantEntry> tenants,
                               List<AccountEntry> accounts, List<OpenIdLinkEntry> openIdLinks,
                               List<ClientEntry> clients, List<AdministratorEntry> administrators,
                               List<GatewayRuleEntry> gatewayRules) {
    public static final String FORMAT = "frontdesk-export";
    public static final int VERSION = 1;

    public TransferDocument {
        tenants = List.copyOf(Objects.requireNonNullElse(tenants, List.of()));
        accounts = List.copyOf(Objects.requireNonNullElse(accounts, List.of()));
        openIdLinks = List.copyOf(Objects.requireNonNullElse(openIdLinks, List.of()));
        clients = List.copyOf(Objects.requireNonNullElse(clients, List.of()));
        administrators = List.copyOf(Objects.requireNonNullElse(administrators, List.of()));
        gatewayRules = List.copyOf(Objects.requireNonNullElse(gatewayRules, List.of()));
    }

    /** A tenant; {@code settings} as the admin API shows them, secrets included (the file is sensitive). */
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

    /** An administrator of the whole server: today only the bootstrap {@code admin}. */
    public record AdministratorEntry(String name, String passwordHash) {
    }
}
