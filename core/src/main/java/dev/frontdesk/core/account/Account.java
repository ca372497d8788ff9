package dev.frontdesk.core.account;

import dev.frontdesk.core.support.Validation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A person who logs in. {@code username} is unique per tenant, case-insensitively;
 * {@code idleTimeoutSeconds} (nullable) overrides the tenant's idle timeout for this account;
 * {@code properties} holds contact properties (iService) and other dialect data.
 */
public record Account(
        String id,
        String tenant,
        String username,
        AccountType type,
        String email,
        String firstName,
        String lastName,
        Long idleTimeoutSeconds,
        List<String> accessRights,
        List<String> segments,
        boolean enabled,
        String passwordHash,
        Map<String, String> properties,
        Instant createdAt) {

    public static final int MAX_USERNAME_LENGTH = 256;

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        Validation.requireText(username, "username");
        Validation.require(username.length() <= MAX_USERNAME_LENGTH, "username", "username is too long");
        Validation.require(username.chars().noneMatch(Character::isISOControl), "username",
                "username must not contain control characters");
        Validation.require(idleTimeoutSeconds == null || idleTimeoutSeconds > 0, "idleTimeoutSeconds",
                "idleTimeoutSeconds must be positive");
        accessRights = List.copyOf(Objects.requireNonNullElse(accessRights, List.of()));
        segments = List.copyOf(Objects.requireNonNullElse(segments, List.of()));
        properties = Map.copyOf(Objects.requireNonNullElse(properties, Map.of()));
    }

    /** "First Last", else email, else username (iService's contactName rule, useful everywhere). */
    public String displayName() {
        String name = (Objects.toString(firstName, "") + " " + Objects.toString(lastName, "")).trim();
        if (!name.isEmpty()) {
            return name;
        }
        return email != null && !email.isBlank() ? email : username;
    }

    public Account withPasswordHash(String hash) {
        return new Account(id, tenant, username, type, email, firstName, lastName, idleTimeoutSeconds,
                accessRights, segments, enabled, hash, properties, createdAt);
    }

    public Account withEnabled(boolean value) {
        return new Account(id, tenant, username, type, email, firstName, lastName, idleTimeoutSeconds,
                accessRights, segments, value, passwordHash, properties, createdAt);
    }
}
