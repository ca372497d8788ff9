package dev.frontdesk.core.reset;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.throttle.ThrottleCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Password-reset codes: 128 random bits each (a {@link Secrets#newSecret()}), stored only as their
 * SHA-256, valid for the tenant's lifetime, usable once. Issuing a code for an account kills the
 * account's older codes, so only the newest mail works. Each account gets at most
 * {@value #MAILS_PER_ACCOUNT_PER_HOUR} reset mails an hour, counted on the shared throttle counters
 * (Redis across nodes), so the reset endpoint cannot flood a mailbox or the mail server.
 */
public final class PasswordResets {
    public static final int MAILS_PER_ACCOUNT_PER_HOUR = 5;
    private static final Duration HOUR = Duration.ofHours(1);

    private final ResetCodeStore store;
    private final ThrottleCounters counters;
    private final Clock clock;
    private final Secrets secrets;

    public PasswordResets(ResetCodeStore store, ThrottleCounters counters, Clock clock, Secrets secrets) {
        this.store = Objects.requireNonNull(store, "store");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /** Counts a reset mail for the account; false when it already had its share this hour. */
    public boolean mayMail(Account account) {
        return counters.increment("resetmail|" + account.tenant() + "|" + account.id(), clock.instant(), HOUR).count()
                <= MAILS_PER_ACCOUNT_PER_HOUR;
    }

    /** A new code for the account, to be mailed and then forgotten; the account's older codes die. */
    public String issue(Account account, Duration lifetime) {
        Instant now = clock.instant();
        String code = secrets.newSecret();
        store.removeExpired(now);
        store.replaceCodesOf(new ResetCode(Secrets.hash(code), account.tenant(), account.id(), now, now.plus(lifetime)));
        return code;
    }

    /**
     * Uses up a code: the ID of the account it was issued for, or empty when the code is unknown,
     * already used, expired, or belongs to another tenant. A code that fails here is gone either way.
     */
    public Optional<String> redeem(String tenant, String code) {
        if (code == null || code.isBlank() || code.length() > 128) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.take(Secrets.hash(code))
                .filter(c -> c.tenant().equals(tenant))
                .filter(c -> !c.isExpiredAt(now))
                .map(ResetCode::accountId);
    }
}
