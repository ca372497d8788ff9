package dev.frontdesk.core.login;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.Accounts;
import dev.frontdesk.core.audit.Audit;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.auth.Attempt;
import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.core.auth.Authentication;
import dev.frontdesk.core.auth.CredentialKind;
import dev.frontdesk.core.auth.Verification;
import dev.frontdesk.core.credential.Totp;
import dev.frontdesk.core.credential.TotpEnrolment;
import dev.frontdesk.core.session.SessionRequest;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.tenant.TenantSettings;
import dev.frontdesk.core.tenant.Tenants;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Logins with a second step (TOTP), for the dialects that can carry one (the native API). Legacy
 * dialects keep calling {@link LoginService#login} and are unaffected.
 *
 * <p>An account gives a code when it has enrolled TOTP, or when its tenant's {@code totpRequiredFor}
 * names its type; such an account not yet enrolled is shown a new key with the challenge and enrols
 * by answering it. The password step ends in a challenge: a random {@code mfaToken} (only its hash
 * stored) valid for {@link #CHALLENGE_LIFETIME}; the code step goes through the one
 * {@link Authentication} step as {@link CredentialKind#SECOND_FACTOR}, so wrong codes are throttled
 * and audited like wrong passwords. A code is accepted once (its step is advanced atomically).
 */
public final class SecondStepLogins {
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

    private final AccountTotpStore store;
    private final LoginService logins;
    private final Accounts accounts;
    private final Tenants tenants;
    private final Authentication authentication;
    private final Audit audit;
    private final Clock clock;
    private final Secrets secrets;
    private final SecureRandom random = new SecureRandom();

    public SecondStepLogins(AccountTotpStore store, LoginService logins, Accounts accounts, Tenants tenants,
                            Authentication authentication, Audit audit, Clock clock, Secrets secrets) {
        this.store = store;
        this.logins = logins;
        this.accounts = accounts;
        this.tenants = tenants;
        this.authentication = authentication;
        this.audit = audit;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** The answer to the password step. */
    public sealed interface Start {
        record Finished(LoginResult result) implements Start {
        }

        /** The password is right; a code must follow. {@code enrolment}: a new key, when none is enrolled. */
        record CodeRequired(String mfaToken, TotpEnrolment enrolment) implements Start {
            @Override
            public String toString() {
                return "CodeRequired[...]";
            }
        }
    }

    /** The answer to the code step. */
    public sealed interface Completion {
        record Finished(LoginResult result) implements Completion {
        }

        record WrongCode() implements Completion {
        }

        /** Unknown or expired {@code mfaToken}: start again with the password. */
        record UnknownChallenge() implements Completion {
        }

        record Throttled(Duration retryAfter) implements Completion {
        }
    }

    public Start login(LoginRequest request) {
        RequestContext context = request.session().context();
        CredentialCheck check = logins.checkPassword(request.tenant(), request.login(), request.password(),
                request.allowedTypes(), context);
        return switch (check) {
            case CredentialCheck.Invalid i -> new Start.Finished(new LoginResult.BadCredentials());
            case CredentialCheck.Throttled t -> new Start.Finished(new LoginResult.Throttled(t.retryAfter()));
            case CredentialCheck.Valid v -> afterPassword(v.account(), request.session());
        };
    }

    private Start afterPassword(Account account, SessionRequest session) {
        Optional<AccountTotpStore.AccountTotp> totp = store.find(account.id());
        boolean enrolled = totp.isPresent() && totp.get().secret() != null;
        boolean required = tenants.require(account.tenant()).settings().totpRequiredFor()
                .contains(account.type().wireName());
        if (!enrolled && !required) {
            return new Start.Finished(logins.openSession(account, session));
        }
        TotpEnrolment enrolment = enrolled ? null : newKey(account);
        String token = secrets.newSecret();
        Instant now = clock.instant();
        store.saveChallenge(Secrets.hash(token), account.id(), now.plus(CHALLENGE_LIFETIME), now);
        return new Start.CodeRequired(token, enrolment);
    }

    /** The code step: the code of the enrolled key, or of the key shown with the challenge (which enrols it). */
    public Completion complete(String tenant, String mfaToken, String code, SessionRequest session) {
        if (mfaToken == null || mfaToken.isBlank() || mfaToken.length() > 128) {
            return new Completion.UnknownChallenge();
        }
        String tokenHash = Secrets.hash(mfaToken);
        Optional<Account> account = store.findChallenge(tokenHash, clock.instant())
                .flatMap(id -> accounts.find(tenant, id)).filter(Account::enabled);
        if (account.isEmpty()) {
            return new Completion.UnknownChallenge();
        }
        return switch (verify(account.get(), code, true, session.context())) {
            case AuthOutcome.Accepted<Account> a -> {
                store.deleteChallenge(tokenHash);
                yield new Completion.Finished(logins.openSession(a.who(), session));
            }
            case AuthOutcome.Throttled<Account> t -> new Completion.Throttled(t.retryAfter());
            default -> new Completion.WrongCode();
        };
    }

    /** Starts enrolment for a signed-in account: a new key, kept pending until a code confirms it. */
    public TotpEnrolment beginEnrolment(Account account) {
        return newKey(account);
    }

    /** Confirms the pending key with a code; true when enrolled. */
    public AuthOutcome<Account> confirmEnrolment(Account account, String code, RequestContext context) {
        return verify(account, code, false, context);
    }

    private AuthOutcome<Account> verify(Account account, String code, boolean atLogin, RequestContext context) {
        TenantSettings settings = tenants.require(account.tenant()).settings();
        Attempt attempt = new Attempt(account.tenant(), CredentialKind.SECOND_FACTOR, account.username(), context);
        return authentication.authenticate(attempt, settings.throttle(), () -> {
            Optional<AccountTotpStore.AccountTotp> totp = store.find(account.id());
            if (totp.isEmpty()) {
                return Verification.rejected("no key");
            }
            // at login the confirmed key answers; a pending key only while none is confirmed (first login)
            String key = atLogin && totp.get().secret() != null ? totp.get().secret() : totp.get().pending();
            if (key == null) {
                return Verification.rejected("no key");
            }
            OptionalLong step = Totp.matchingStep(key, code, clock.instant());
            if (step.isEmpty()) {
                return Verification.rejected("wrong code");
            }
            if (!store.advanceStep(account.id(), step.getAsLong())) {
                return Verification.rejected("replayed code");
            }
            if (key.equals(totp.get().pending())) {
                store.confirm(account.id());
                audit.record(AuditType.TOTP_ENROLLED, account.tenant(), account.username(), context,
                        "totp enrolled");
            }
            return Verification.verified(account);
        });
    }

    private TotpEnrolment newKey(Account account) {
        String secret = Totp.newSecret(random);
        store.savePending(account.id(), secret);
        return new TotpEnrolment(secret, Totp.uri("Frontdesk " + account.tenant(), account.username(), secret));
    }
}
