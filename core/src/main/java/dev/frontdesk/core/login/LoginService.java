package dev.frontdesk.core.login;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.account.Accounts;
import dev.frontdesk.core.auth.Attempt;
import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.core.auth.Authentication;
import dev.frontdesk.core.auth.CredentialKind;
import dev.frontdesk.core.auth.Verification;
import dev.frontdesk.core.audit.Audit;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.credential.DummyHash;
import dev.frontdesk.core.credential.PasswordHasher;
import dev.frontdesk.core.credential.PasswordPolicy;
import dev.frontdesk.core.session.OpenResult;
import dev.frontdesk.core.session.SessionEngine;
import dev.frontdesk.core.session.SessionRequest;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.tenant.TenantSettings;
import dev.frontdesk.core.tenant.Tenants;
import java.util.Optional;
import java.util.Set;

/**
 * Password logins for every dialect.
 *
 * <p>No enumeration: an unknown name, a wrong password, a disabled account, an account of the wrong
 * type and an empty password all cost one Argon2 verification (against a dummy hash when there is no
 * real one) and produce the same {@link LoginResult.BadCredentials}. Only a password longer than the
 * tenant's byte limit is refused without hashing, which says nothing about the account. Throttling and
 * auditing happen in the one {@link Authentication} step, before any hashing.
 */
public final class LoginService {
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final SessionEngine sessions;
    private final Authentication authentication;
    private final Tenants tenants;
    private final Audit audit;
    private final DummyHash dummyHash;

    public LoginService(Accounts accounts, PasswordHasher hasher, SessionEngine sessions,
                        Authentication authentication, Tenants tenants, Audit audit) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.authentication = authentication;
        this.tenants = tenants;
        this.audit = audit;
        this.dummyHash = new DummyHash(hasher);
    }

    public LoginResult login(LoginRequest request) {
        CredentialCheck check = checkPassword(request.tenant(), request.login(), request.password(),
                request.allowedTypes(), request.session().context());
        return switch (check) {
            case CredentialCheck.Invalid i -> new LoginResult.BadCredentials();
            case CredentialCheck.Throttled t -> new LoginResult.Throttled(t.retryAfter());
            case CredentialCheck.Valid v -> openSession(v.account(), request.session());
        };
    }

    /** Opens a session for an account authenticated some other way (OpenID, LDAP, reset link, upstream). */
    public LoginResult openSession(Account account, SessionRequest request) {
        OpenResult opened = sessions.open(account, request);
        RequestContext context = request.context();
        switch (opened) {
            case OpenResult.Opened o -> audit.record(AuditType.LOGIN_SUCCEEDED, account.tenant(), account.username(),
                    context, o.evicted().isEmpty() ? null : "evicted " + o.evicted().size() + " session(s)");
            case OpenResult.AtCap c -> audit.record(AuditType.LOGIN_REFUSED_AT_CAP, account.tenant(),
                    account.username(), context, "session limit " + c.limit());
            case OpenResult.LicensesExhausted l -> audit.record(AuditType.LOGIN_REFUSED_AT_CAP, account.tenant(),
                    account.username(), context, "customer session licenses exhausted (" + l.licenses() + ")");
        }
        return LoginResult.from(account, opened);
    }

    /**
     * Checks a login name (user name or e-mail) and password through the authentication step. The
     * account is looked up first (a read, no hash) so that its user name and e-mail address are one
     * throttle key: guessing by e-mail earns no extra free failures.
     */
    public CredentialCheck checkPassword(String tenant, String login, String password, Set<AccountType> allowedTypes,
                                         RequestContext context) {
        TenantSettings settings = tenants.require(tenant).settings();
        String name = login == null ? "" : login.trim();
        Optional<Account> account = name.isEmpty() || name.length() > Account.MAX_USERNAME_LENGTH
                ? Optional.empty() : accounts.findByLogin(tenant, name);
        String principal = account.map(Account::username).orElse(name);
        Attempt attempt = new Attempt(tenant, CredentialKind.PASSWORD, principal, context);
        AuthOutcome<Account> outcome = authentication.authenticate(attempt, settings.throttle(), () -> {
            boolean verified = verify(account, password, settings);
            return verified && account.get().enabled() && allowedTypes.contains(account.get().type())
                    ? Verification.verified(account.get()) : Verification.rejected(null);
        });
        return switch (outcome) {
            case AuthOutcome.Accepted<Account> a -> new CredentialCheck.Valid(upgradeHash(a.who(), password));
            case AuthOutcome.Throttled<Account> t -> new CredentialCheck.Throttled(t.retryAfter());
            case AuthOutcome.Refused<Account> r -> new CredentialCheck.Invalid();
            case AuthOutcome.Unavailable<Account> u -> new CredentialCheck.Invalid();
        };
    }

    private Account upgradeHash(Account found, String password) {
        if (!hasher.needsRehash(found.passwordHash())) {
            return found;
        }
        Account upgraded = found.withPasswordHash(hasher.hash(PasswordPolicy.normalize(password)));
        accounts.upgradeHash(upgraded, upgraded.passwordHash());
        return upgraded;
    }

    private boolean verify(Optional<Account> account, String password, TenantSettings settings) {
        String candidate = password == null ? "" : password;
        if (!PasswordPolicy.withinByteLimit(candidate, settings.passwordPolicy())) {
            return false;
        }
        String normalized = PasswordPolicy.normalize(candidate);
        String hash = account.map(Account::passwordHash).orElse(null);
        boolean matches = hasher.matches(normalized, hash == null ? dummyHash.value() : hash);
        return hash != null && matches && !candidate.isEmpty();
    }
}
