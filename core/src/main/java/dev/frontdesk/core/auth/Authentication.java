package dev.frontdesk.core.auth;

import dev.frontdesk.core.audit.Audit;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.tenant.ThrottleSettings;
import dev.frontdesk.core.throttle.LoginThrottle;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one authentication step every credential passes through: dialect passwords, directory binds,
 * upstream checks, OpenID tokens, client secrets and administrator credentials.
 *
 * <p>Order, the same for every kind: (1) the throttle is asked before any expensive work, so a
 * throttled guess costs us no hash, bind or upstream call, and is audited as {@code login.throttled};
 * (2) the verifier runs; (3) its verdict is recorded in one place: a rejection counts against the
 * principal and the client address and is audited with the kind's failure type, a success clears the
 * (principal, address) counter and marks the address as known for the principal. An undecided verdict
 * (directory or upstream down) counts as neither: an outage must not lock anyone out, nor unlock a
 * throttled guesser.
 *
 * <p>No enumeration lives in the verifiers: each does the same work for unknown and known names (a
 * dummy hash, the same bind) and returns {@link Verification.Rejected} for both; this class gives the
 * door one {@link AuthOutcome.Refused} for every rejection.
 */
public final class Authentication {
    private final LoginThrottle throttle;
    private final Audit audit;

    public Authentication(LoginThrottle throttle, Audit audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    public <T> AuthOutcome<T> authenticate(Attempt attempt, ThrottleSettings settings,
                                           Supplier<Verification<T>> verifier) {
        String ip = attempt.context().clientIp();
        Optional<Duration> wait = throttle.waitBefore(attempt.scope(), attempt.throttleKey(), ip, settings);
        if (wait.isPresent()) {
            audit.record(AuditType.LOGIN_THROTTLED, attempt.scope(), attempt.auditName(), attempt.context(),
                    detail(attempt, null));
            return new AuthOutcome.Throttled<>(wait.get());
        }
        return switch (verifier.get()) {
            case Verification.Verified<T> v -> {
                throttle.succeeded(attempt.scope(), attempt.throttleKey(), ip);
                yield new AuthOutcome.Accepted<>(v.who());
            }
            case Verification.Rejected<T> r -> {
                throttle.failed(attempt.scope(), attempt.throttleKey(), ip, settings);
                audit.record(attempt.kind().failureAudit(), attempt.scope(), attempt.auditName(), attempt.context(),
                        detail(attempt, r.detail()));
                yield new AuthOutcome.Refused<>();
            }
            case Verification.Undecided<T> u -> {
                audit.record(attempt.kind().failureAudit(), attempt.scope(), attempt.auditName(), attempt.context(),
                        detail(attempt, u.detail()));
                yield new AuthOutcome.Unavailable<>(u.detail());
            }
        };
    }

    /** Records a refusal found before any verifier could run (a name no verifier may see). */
    public <T> AuthOutcome<T> refuse(Attempt attempt, ThrottleSettings settings, String detail) {
        return authenticate(attempt, settings, () -> Verification.rejected(detail));
    }

    private static String detail(Attempt attempt, String detail) {
        String kind = attempt.kind() == CredentialKind.PASSWORD ? null : attempt.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (kind == null) {
            return detail;
        }
        return detail == null ? kind : kind + ": " + detail;
    }
}
