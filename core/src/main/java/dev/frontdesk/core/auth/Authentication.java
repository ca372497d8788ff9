package dev.frontdesk.core.auth;

import dev.frontdesk.core.audit.Audit;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.tenant.ThrottleSettings;
import dev.frontdesk.core.throttle.LoginThrottle;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one authentication step every credential passes through: dialect passwords, directory binds,
 * upstream checks, OpenID tokens, client secrets and administrator credentials.
 *
 * <p>Order, the same for every kind: (1) the throttle is asked before any expensive work, so a
 * throttled guess costs us no hash, bind or upstream call, and is audited as {@code login.throttled};
 * (2) the verifier runs; (3) its verdict is recorded in one place: a rejection counts against the
 * principal and the client address and is audited with the kind's failure type (and, the moment the
 * principal reaches its hourly cap, as {@code account.under-attack}); a success clears the
 * (principal, address) counter and marks the address, and for people the device, as proven. An
 * undecided verdict (directory or upstream down) counts as neither: an outage must not lock anyone
 * out, nor unlock a throttled guesser.
 *
 * <p>Concurrency: attempts of one (principal, address) are decided one after another on a node (throttle
 * check, verification, record), so forty simultaneous wrong guesses get exactly {@code freeFailures}
 * verifications, and simultaneous right ones all succeed; other subjects never wait for them. Across
 * nodes the counters are shared, so a burst split over n nodes gets at most n more.
 *
 * <p>Devices: a successful login of a person hands the client a device token (a new one unless the
 * presented one is already proven for this principal), which the door sets as a long-lived cookie; the
 * throttle exempts proven devices from the per-principal hourly cap.
 *
 * <p>No enumeration lives in the verifiers: each does the same work for unknown and known names (a
 * dummy hash, the same bind) and returns {@link Verification.Rejected} for both; this class gives the
 * door one {@link AuthOutcome.Refused} for every rejection.
 */
public final class Authentication {
    private final LoginThrottle throttle;
    private final Audit audit;
    private final Secrets secrets;
    private final Map<String, SubjectLock> locks = new ConcurrentHashMap<>();

    public Authentication(LoginThrottle throttle, Audit audit, Secrets secrets) {
        this.throttle = throttle;
        this.audit = audit;
        this.secrets = secrets;
    }

    public <T> AuthOutcome<T> authenticate(Attempt attempt, ThrottleSettings settings,
                                           Supplier<Verification<T>> verifier) {
        LoginThrottle.Subject subject = new LoginThrottle.Subject(attempt.scope(), attempt.throttleKey(),
                attempt.context().clientIp(), attempt.context().device().presented().orElse(null));
        String subjectKey = (subject.scope() + "|" + subject.key() + "|" + subject.clientIp()).toLowerCase(Locale.ROOT);
        SubjectLock lock = locks.compute(subjectKey, (k, held) -> held == null ? new SubjectLock() : held.join());
        lock.lock.lock();
        try {
            Optional<Duration> wait = throttle.waitBefore(subject, settings);
            if (wait.isPresent()) {
                audit.record(AuditType.LOGIN_THROTTLED, attempt.scope(), attempt.auditName(), attempt.context(),
                        detail(attempt, null));
                return new AuthOutcome.Throttled<>(wait.get());
            }
            return record(attempt, subject, settings, verifier.get());
        } finally {
            lock.lock.unlock();
            locks.computeIfPresent(subjectKey, (k, held) -> held.leave() ? null : held);
        }
    }

    /** A lock per subject with the number of attempts holding or waiting for it; dropped when none do. */
    private static final class SubjectLock {
        final ReentrantLock lock = new ReentrantLock(true);
        int users = 1;

        SubjectLock join() {
            users++;
            return this;
        }

        boolean leave() {
            return --users == 0;
        }
    }

    /** Records a refusal found before any verifier could run (a name no verifier may see). */
    public <T> AuthOutcome<T> refuse(Attempt attempt, ThrottleSettings settings, String detail) {
        return authenticate(attempt, settings, () -> Verification.rejected(detail));
    }

    private <T> AuthOutcome<T> record(Attempt attempt, LoginThrottle.Subject subject, ThrottleSettings settings,
                                      Verification<T> verdict) {
        return switch (verdict) {
            case Verification.Verified<T> v -> {
                Optional<String> device = Optional.empty();
                if (attempt.kind().isPerson()) {
                    device = Optional.of(throttle.isKnownDevice(subject) ? subject.device() : secrets.newSecret());
                    device.ifPresent(attempt.context().device()::issue);
                }
                throttle.succeeded(subject, device);
                yield new AuthOutcome.Accepted<>(v.who());
            }
            case Verification.Rejected<T> r -> {
                boolean underAttack = throttle.failed(subject, settings);
                audit.record(attempt.kind().failureAudit(), attempt.scope(), attempt.auditName(), attempt.context(),
                        detail(attempt, r.detail()));
                if (underAttack) {
                    audit.record(AuditType.ACCOUNT_UNDER_ATTACK, attempt.scope(), attempt.auditName(),
                            attempt.context(), settings.maxFailuresPerAccountPerHour()
                                    + " failures within an hour; unproven clients now wait");
                }
                yield new AuthOutcome.Refused<>();
            }
            case Verification.Undecided<T> u -> {
                audit.record(attempt.kind().failureAudit(), attempt.scope(), attempt.auditName(), attempt.context(),
                        detail(attempt, u.detail()));
                yield new AuthOutcome.Unavailable<>(u.detail());
            }
        };
    }

    private static String detail(Attempt attempt, String detail) {
        if (attempt.kind() == CredentialKind.PASSWORD) {
            return detail;
        }
        String kind = attempt.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return detail == null ? kind : kind + ": " + detail;
    }
}
