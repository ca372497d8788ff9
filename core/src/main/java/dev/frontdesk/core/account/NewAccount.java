package dev.frontdesk.core.account;

import java.util.List;
import java.util.Map;

/**
 * What it takes to create an account. {@code password} may be null for accounts that log in otherwise
 * (LDAP, OpenID) or that bring an {@code importedHash} from a legacy system, which is upgraded to the
 * current Argon2id parameters at the next successful login.
 */
public record NewAccount(String username, String password, AccountType type, String email, String firstName,
                         String lastName, Long idleTimeoutSeconds, List<String> accessRights,
                         List<String> segments, boolean enabled, Map<String, String> properties,
                         String importedHash) {

    public NewAccount(String username, String password, AccountType type, String email, String firstName,
                      String lastName, Long idleTimeoutSeconds, List<String> accessRights, List<String> segments,
                      boolean enabled, Map<String, String> properties) {
        this(username, password, type, email, firstName, lastName, idleTimeoutSeconds, accessRights, segments,
                enabled, properties, null);
    }

    public static NewAccount of(String username, String password, AccountType type) {
        return new NewAccount(username, password, type, null, null, null, null, List.of(), List.of(), true, Map.of());
    }
}
