package dev.frontdesk.core.gateway;

import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.support.Validation;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One line of a tenant's gateway rules: requests whose path starts with {@code pathPrefix} (see
 * {@link PathPattern}) and whose method is one of {@code methods} (empty: any) may pass only for a
 * caller whose channel is one of {@code channels}, whose account type is one of {@code accountTypes}
 * and who holds one of {@code accessRights} (each empty: no condition). A channel names a session
 * channel or its family: {@code egain} covers {@code egain-v12} and {@code egain-v15}.
 */
public record GatewayRule(PathPattern pathPrefix, Set<String> methods, Set<String> channels,
                          Set<AccountType> accountTypes, Set<String> accessRights) {
    public static final int MAX_ENTRIES = 64;

    public GatewayRule {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        methods = Set.copyOf(Objects.requireNonNullElse(methods, Set.of())).stream()
                .map(m -> m.toUpperCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        channels = Set.copyOf(Objects.requireNonNullElse(channels, Set.of()));
        accountTypes = Set.copyOf(Objects.requireNonNullElse(accountTypes, Set.of()));
        accessRights = Set.copyOf(Objects.requireNonNullElse(accessRights, Set.of()));
        for (String m : methods) {
            Validation.require(!m.isEmpty() && m.length() <= 32 && m.chars().allMatch(c -> c >= 'A' && c <= 'Z'),
                    "methods", "methods must be HTTP method names");
        }
        requireWords(channels, "channels");
        requireWords(accessRights, "accessRights");
        Validation.require(methods.size() <= MAX_ENTRIES && channels.size() <= MAX_ENTRIES
                && accessRights.size() <= MAX_ENTRIES, "pathPrefix", "too many entries in one rule");
    }

    private static void requireWords(Set<String> values, String field) {
        for (String v : values) {
            Validation.require(v != null && !v.isBlank() && v.length() <= 256
                    && v.chars().noneMatch(Character::isISOControl), field, field + " must be non-empty names");
        }
    }

    /** Whether this rule speaks for the request (path and method); the first such rule decides. */
    public boolean selects(String method, String path) {
        return (methods.isEmpty() || methods.contains(method)) && pathPrefix.matches(path);
    }

    /** Whether the caller may pass this rule. */
    public boolean admits(Caller caller) {
        return (channels.isEmpty() || channels.stream().anyMatch(c -> sameFamily(c, caller.channel())))
                && (accountTypes.isEmpty() || caller.accountType() != null && accountTypes.contains(caller.accountType()))
                && (accessRights.isEmpty() || caller.accessRights().stream().anyMatch(accessRights::contains));
    }

    private static boolean sameFamily(String ruleChannel, String channel) {
        return channel.equals(ruleChannel)
                || channel.length() > ruleChannel.length() && channel.startsWith(ruleChannel)
                && channel.charAt(ruleChannel.length()) == '-';
    }
}
