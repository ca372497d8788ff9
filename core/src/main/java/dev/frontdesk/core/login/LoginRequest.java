package dev.frontdesk.core.login;

import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.session.SessionRequest;
import java.util.Objects;
import java.util.Set;

/**
 * A password login as every dialect sends it to the core.
 *
 * @param allowedTypes account types this endpoint serves (eGain v12: agents; v15: customers)
 */
public record LoginRequest(String tenant, String login, String password, Set<AccountType> allowedTypes,
                           SessionRequest session) {
    public LoginRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(session, "session");
        login = Objects.requireNonNullElse(login, "");
        password = Objects.requireNonNullElse(password, "");
        allowedTypes = Set.copyOf(allowedTypes);
    }
}
