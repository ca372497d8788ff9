package dev.frontdesk.core.account;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A partial update of an account: absent fields are left as they are. */
public record AccountChanges(
        Optional<String> email,
        Optional<String> firstName,
        Optional<String> lastName,
        Optional<Optional<Long>> idleTimeoutSeconds,
        Optional<List<String>> accessRights,
        Optional<List<String>> segments,
        Optional<Boolean> enabled,
        Optional<Map<String, String>> properties) {

    public Account applyTo(Account a) {
        return new Account(a.id(), a.tenant(), a.username(), a.type(),
                email.orElse(a.email()), firstName.orElse(a.firstName()), lastName.orElse(a.lastName()),
                idleTimeoutSeconds.map(o -> o.orElse(null)).orElse(a.idleTimeoutSeconds()),
                accessRights.orElse(a.accessRights()), segments.orElse(a.segments()),
                enabled.orElse(a.enabled()), a.passwordHash(), properties.orElse(a.properties()), a.createdAt());
    }
}
