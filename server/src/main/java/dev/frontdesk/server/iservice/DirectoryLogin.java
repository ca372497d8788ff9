package dev.frontdesk.server.iservice;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountStore;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.account.NewAccount;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.tenant.LdapSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code agentlogin} (iService's Active Directory login): an LDAP bind with the agent's user name and
 * password, then a session for the agent account of that user name — created on first login, without
 * a password of its own, when the tenant sets {@code ldap.autoCreateAgents}. A rejected bind, a
 * missing agent account and a customer account of that name all answer like a wrong password.
 */
final class DirectoryLogin {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryLogin.class);

    private final Frontdesk core;
    private final IServiceSessions sessions;
    private final LdapDirectory directory;

    DirectoryLogin(Frontdesk core, IServiceSessions sessions, LdapDirectory directory) {
        this.core = core;
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
        if (username.length() > Account.MAX_USERNAME_LENGTH || username.chars().anyMatch(Character::isISOControl)) {
            return rejected(call, username.substring(0, Math.min(username.length(), 256)), "invalid user name");
        }
        LdapDirectory.Outcome outcome = directory.authenticate(ldap, username, password);
        return switch (outcome) {
            case LdapDirectory.Outcome.Unavailable u -> {
                LOG.warn("agentlogin: directory of tenant {} unavailable: {}", call.tenantId(), u.why());
                yield Reply.failed(sessions.anonymous(call), Messages.DIRECTORY_UNAVAILABLE);
            }
            case LdapDirectory.Outcome.Rejected r -> rejected(call, username, "directory rejected the bind");
            case LdapDirectory.Outcome.Authenticated a -> {
                Optional<Account> agent = agentAccount(call, ldap, username, a);
                yield agent.isEmpty() ? rejected(call, username, "no usable agent account for the directory user")
                        : sessions.start(call, agent.get(), call.force());
            }
        };
    }

    private Optional<Account> agentAccount(Call call, LdapSettings ldap, String username,
                                           LdapDirectory.Outcome.Authenticated entry) {
        Optional<Account> existing = core.accounts().findByUsername(call.tenantId(), username);
        if (existing.isEmpty() && ldap.autoCreateAgents()) {
            try {
                existing = Optional.of(core.accounts().create(call.tenantId(), new NewAccount(username, null,
                        AccountType.AGENT, entry.mail(), entry.givenName(), entry.surname(), null, List.of(),
                        List.of(), true, Map.of("ldapDn", entry.dn())), call.context()));
            } catch (AccountStore.DuplicateUsername e) {
                existing = core.accounts().findByUsername(call.tenantId(), username);
            }
        }
        return existing.filter(a -> a.type() == AccountType.AGENT && a.enabled());
    }

    private Reply rejected(Call call, String username, String detail) {
        core.audit().record(AuditType.LOGIN_FAILED, call.tenantId(), username, call.context(), "agentlogin: " + detail);
        return Reply.failed(sessions.anonymous(call), Messages.BAD_CREDENTIALS);
    }
}
