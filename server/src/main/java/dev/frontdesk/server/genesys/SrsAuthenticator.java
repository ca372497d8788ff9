package dev.frontdesk.server.genesys;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountChanges;
import dev.frontdesk.core.account.AccountStore;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.account.NewAccount;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.login.CredentialCheck;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.BasicCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who the Basic credentials of an SRS request belong to: checked by Frontdesk itself, or, when the
 * tenant lists {@code upstreamServers}, by those servers (see {@link UpstreamRws}), in which case the
 * local account is created or refreshed from the upstream's answer and its local password (if any)
 * plays no part. A locally disabled account, or one that is not an agent, stays refused either way.
 */
final class SrsAuthenticator {
    private static final Set<AccountType> AGENTS = Set.of(AccountType.AGENT);

    private final Frontdesk core;
    private final UpstreamRws upstream;

    SrsAuthenticator(Frontdesk core, UpstreamRws upstream) {
        this.core = core;
        this.upstream = upstream;
    }

    sealed interface Outcome {
        record Valid(Account account) implements Outcome {
        }

        record Invalid() implements Outcome {
        }

        record Throttled(Duration retryAfter) implements Outcome {
        }

        /** Upstream checking is configured but no upstream server gave a verdict. */
        record Unavailable() implements Outcome {
        }
    }

    Outcome authenticate(Tenant tenant, BasicCredentials credentials, SrsPost.Configuration configuration,
                         RequestContext context) {
        List<String> listed = tenant.settings().upstreamServers();
        if (listed.isEmpty()) {
            return switch (core.logins().checkPassword(tenant.id(), credentials.user(), credentials.password(), AGENTS,
                    context)) {
                case CredentialCheck.Valid v -> new Outcome.Valid(v.account());
                case CredentialCheck.Invalid i -> new Outcome.Invalid();
                case CredentialCheck.Throttled t -> new Outcome.Throttled(t.retryAfter());
            };
        }
        String user = credentials.user().trim();
        if (user.isEmpty() || user.length() > Account.MAX_USERNAME_LENGTH || credentials.password().isEmpty()
                || user.chars().anyMatch(Character::isISOControl)) {
            return refused(tenant, user, context, null);
        }
        List<String> servers = UpstreamRws.candidates(listed, configuration.server(), configuration.peerServer());
        if (servers.isEmpty()) {
            core.audit().record(AuditType.LOGIN_FAILED, tenant.id(), user, context, "no usable upstream server listed");
            return new Outcome.Unavailable();
        }
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
        return switch (upstream.check(servers, authorization)) {
            case UpstreamRws.Answer.Accepted a -> provision(tenant, a.user(), context);
            case UpstreamRws.Answer.Rejected r -> refused(tenant, user, context, "rejected by upstream " + r.server());
            case UpstreamRws.Answer.Unreachable u -> {
                core.audit().record(AuditType.LOGIN_FAILED, tenant.id(), user, context, "no upstream server answered");
                yield new Outcome.Unavailable();
            }
        };
    }

    /** Creates or refreshes the local agent from the upstream's user. */
    private Outcome provision(Tenant tenant, UpstreamRws.UpstreamUser user, RequestContext context) {
        if (!user.enabled()) {
            return refused(tenant, user.userName(), context, "disabled upstream");
        }
        try {
            Optional<Account> existing = core.accounts().findByUsername(tenant.id(), user.userName());
            if (existing.isEmpty()) {
                try {
                    return new Outcome.Valid(core.accounts().create(tenant.id(), new NewAccount(user.userName(), null,
                            AccountType.AGENT, user.email(), user.firstName(), user.lastName(), null, List.of(),
                            List.of(), true, Map.of("source", "upstream-rws")), context));
                } catch (AccountStore.DuplicateUsername raced) {
                    existing = core.accounts().findByUsername(tenant.id(), user.userName());
                }
            }
            Account account = existing.orElseThrow();
            if (account.type() != AccountType.AGENT || !account.enabled()) {
                return refused(tenant, user.userName(), context, "local account is not an enabled agent");
            }
            return new Outcome.Valid(refresh(account, user, context));
        } catch (Validation e) {
            return refused(tenant, user.userName(), context, "upstream user not acceptable: " + e.getMessage());
        }
    }

    private Account refresh(Account account, UpstreamRws.UpstreamUser user, RequestContext context) {
        if (same(account.email(), user.email()) && same(account.firstName(), user.firstName())
                && same(account.lastName(), user.lastName())) {
            return account;
        }
        AccountChanges changes = new AccountChanges(Optional.ofNullable(user.email()),
                Optional.ofNullable(user.firstName()), Optional.ofNullable(user.lastName()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return core.accounts().update(account.tenant(), account.id(), changes, context).orElse(account);
    }

    /** An upstream value the account already has, or none (absent upstream values leave ours alone). */
    private static boolean same(String ours, String upstreamValue) {
        return upstreamValue == null || Objects.equals(ours, upstreamValue);
    }

    private Outcome refused(Tenant tenant, String user, RequestContext context, String detail) {
        String name = user.length() > 256 ? user.substring(0, 256) : user;
        core.audit().record(AuditType.LOGIN_FAILED, tenant.id(), name, context, detail);
        return new Outcome.Invalid();
    }
}
