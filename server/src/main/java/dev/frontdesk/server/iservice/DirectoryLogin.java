package dev.frontdesk.server.iservice;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AgentProvisioning;
import dev.frontdesk.core.account.AgentProvisioning.ExternalAgent;
import dev.frontdesk.core.auth.Attempt;
import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.core.auth.CredentialKind;
import dev.frontdesk.core.auth.Verification;
import dev.frontdesk.core.tenant.LdapSettings;
import java.util.Map;

/**
 * {@code agentlogin} (iService's Active Directory login): an LDAP bind with the agent's user name and
 * password, through the core's authentication step (throttled like a password of the same name),
 * then a session for the agent account of that user name, provisioned by the core when the tenant
 * sets {@code ldap.autoCreateAgents}. A rejected bind, a missing agent account and a customer account
 * of that name all answer like a wrong password; a directory that does not answer says so.
 */
final class DirectoryLogin {
    private final Frontdesk core;
    private final AgentProvisioning provisioning;
    private final IServiceSessions sessions;
    private final LdapDirectory directory;

    DirectoryLogin(Frontdesk core, AgentProvisioning provisioning, IServiceSessions sessions, LdapDirectory directory) {
        this.core = core;
        this.provisioning = provisioning;
        this.sessions = sessions;
        this.directory = directory;
    }

    Reply login(Call call) {
        LdapSettings ldap = call.tenant().settings().ldap();
        if (ldap == null) {
            return Reply.failed(sessions.anonymous(call), Messages.DIRECTORY_NOT_CONFIGURED);
        }
        String username = call.body().text(LoginEndpoints.LOGIN_FIELDS);
        String password = call.body().secret("password");
        Attempt attempt = new Attempt(call.tenantId(), CredentialKind.DIRECTORY, username, call.context());
        AuthOutcome<Account> outcome = core.authentication().authenticate(attempt,
                call.tenant().settings().throttle(), () -> verify(call, ldap, username, password));
        return switch (outcome) {
            case AuthOutcome.Accepted<Account> a -> sessions.start(call, a.who(), call.force());
            case AuthOutcome.Refused<Account> r -> Reply.failed(sessions.anonymous(call), Messages.BAD_CREDENTIALS);
            case AuthOutcome.Throttled<Account> t ->
                    Reply.failed(sessions.anonymous(call), Messages.throttled(t.retryAfter().toSeconds()));
            case AuthOutcome.Unavailable<Account> u ->
                    Reply.failed(sessions.anonymous(call), Messages.DIRECTORY_UNAVAILABLE);
        };
    }

    private Verification<Account> verify(Call call, LdapSettings ldap, String username, String password) {
        if (username.isEmpty() || username.length() > Account.MAX_USERNAME_LENGTH
                || username.chars().anyMatch(Character::isISOControl)) {
            return Verification.rejected("agentlogin: invalid user name");
        }
        return switch (directory.authenticate(ldap, username, password)) {
            case LdapDirectory.Outcome.Unavailable u -> Verification.undecided("agentlogin: directory unavailable");
            case LdapDirectory.Outcome.Rejected r -> Verification.rejected("agentlogin: directory rejected the bind");
            case LdapDirectory.Outcome.Authenticated a -> provisioning.provision(call.tenantId(),
                            new ExternalAgent(username, a.mail(), a.givenName(), a.surname(), Map.of("ldapDn", a.dn())),
                            ldap.autoCreateAgents(), call.context())
                    .<Verification<Account>>map(Verification::verified)
                    .orElseGet(() -> Verification.rejected("agentlogin: no usable agent account for the directory user"));
        };
    }
}
