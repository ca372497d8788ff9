package dev.frontdesk.core.account;

import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.support.Validation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Just-in-time agents for credentials checked elsewhere (an LDAP directory, an upstream Web Services
 * server): the local agent account of the verified user is created on first login (when allowed) and
 * its name and e-mail are refreshed from the authority's answer; absent values leave ours alone. A
 * local account that is disabled or is not an agent stays refused: the local store has the last word
 * on who may have a session.
 */
public final class AgentProvisioning {
    /** A user as an external authority describes it. {@code origin} is kept as account properties. */
    public record ExternalAgent(String username, String email, String firstName, String lastName,
                                Map<String, String> origin) {
        public ExternalAgent {
            Objects.requireNonNull(username, "username");
            origin = Map.copyOf(Objects.requireNonNullElse(origin, Map.of()));
        }
    }

    private final Accounts accounts;

    public AgentProvisioning(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The usable (enabled agent) account for {@code agent}, created when missing and {@code create} allows. */
    public Optional<Account> provision(String tenant, ExternalAgent agent, boolean create, RequestContext context) {
        try {
            Optional<Account> existing = accounts.findByUsername(tenant, agent.username());
            if (existing.isEmpty() && create) {
                try {
                    return Optional.of(accounts.create(tenant, new NewAccount(agent.username(), null,
                            AccountType.AGENT, agent.email(), agent.firstName(), agent.lastName(), null, List.of(),
                            List.of(), true, agent.origin()), context));
                } catch (AccountStore.DuplicateUsername raced) {
                    existing = accounts.findByUsername(tenant, agent.username());
                }
            }
            return existing.filter(a -> a.type() == AccountType.AGENT && a.enabled())
                    .map(a -> refresh(a, agent, context));
        } catch (Validation unacceptable) {
            return Optional.empty();
        }
    }

    private Account refresh(Account account, ExternalAgent agent, RequestContext context) {
        if (same(account.email(), agent.email()) && same(account.firstName(), agent.firstName())
                && same(account.lastName(), agent.lastName())) {
            return account;
        }
        AccountChanges changes = new AccountChanges(Optional.ofNullable(agent.email()),
                Optional.ofNullable(agent.firstName()), Optional.ofNullable(agent.lastName()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return accounts.update(account.tenant(), account.id(), changes, context).orElse(account);
    }

    private static boolean same(String ours, String theirs) {
        return theirs == null || Objects.equals(ours, theirs);
    }
}
