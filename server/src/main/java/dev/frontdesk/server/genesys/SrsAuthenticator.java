package dev.frontdesk.server.genesys;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.account.AgentProvisioning;
import dev.frontdesk.core.account.AgentProvisioning.ExternalAgent;
import dev.frontdesk.core.auth.Attempt;
import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.core.auth.CredentialKind;
import dev.frontdesk.core.auth.Verification;
import dev.frontdesk.core.login.CredentialCheck;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.BasicCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who the Basic credentials of an SRS request belong to: checked by Frontdesk itself, or, when the
 * tenant lists {@code upstreamServers}, by those servers (see {@link UpstreamRws}), in which case the
 * local account is provisioned by the core from the upstream's answer and its local password (if any)
 * plays no part. Either way the check is the core's one authentication step: throttled like a password
 * of the same name before any upstream call, audited in one place. A locally disabled account, or one
 * that is not an agent, stays refused either way.
 */
final class SrsAuthenticator {
    private static final Set<AccountType> AGENTS = Set.of(AccountType.AGENT);

    private final Frontdesk core;
    private final AgentProvisioning provisioning;
    private final UpstreamRws upstream;

    SrsAuthenticator(Frontdesk core, AgentProvisioning provisioning, UpstreamRws upstream) {
        this.core = core;
        this.provisioning = provisioning;
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
        Attempt attempt = new Attempt(tenant.id(), CredentialKind.UPSTREAM, user, context);
        AuthOutcome<Account> outcome = core.authentication().authenticate(attempt, tenant.settings().throttle(),
                () -> checkUpstream(tenant, user, credentials.password(), configuration, listed, context));
        return switch (outcome) {
            case AuthOutcome.Accepted<Account> a -> new Outcome.Valid(a.who());
            case AuthOutcome.Refused<Account> r -> new Outcome.Invalid();
            case AuthOutcome.Throttled<Account> t -> new Outcome.Throttled(t.retryAfter());
            case AuthOutcome.Unavailable<Account> u -> new Outcome.Unavailable();
        };
    }

    private Verification<Account> checkUpstream(Tenant tenant, String user, String password,
                                                SrsPost.Configuration configuration, List<String> listed,
                                                RequestContext context) {
        if (user.isEmpty() || user.length() > Account.MAX_USERNAME_LENGTH || password.isEmpty()
                || user.chars().anyMatch(Character::isISOControl)) {
            return Verification.rejected("upstream: unusable user name or empty password");
        }
        List<String> servers = UpstreamRws.candidates(listed, configuration.server(), configuration.peerServer());
        if (servers.isEmpty()) {
            return Verification.undecided("no usable upstream server listed");
        }
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return switch (upstream.check(servers, authorization)) {
            case UpstreamRws.Answer.Accepted a -> provision(tenant, a.user(), context);
            case UpstreamRws.Answer.Rejected r -> Verification.rejected("rejected by upstream " + r.server());
            case UpstreamRws.Answer.Unreachable u -> Verification.undecided("no upstream server answered");
        };
    }

    private Verification<Account> provision(Tenant tenant, UpstreamRws.UpstreamUser user, RequestContext context) {
        if (!user.enabled()) {
            return Verification.rejected("disabled upstream");
        }
        return provisioning.provision(tenant.id(), new ExternalAgent(user.userName(), user.email(), user.firstName(),
                        user.lastName(), Map.of("source", "upstream-rws")), true, context)
                .<Verification<Account>>map(Verification::verified)
                .orElseGet(() -> Verification.rejected("local account is not an enabled agent"));
    }
}
