package dev.frontdesk.core.throttle;

import dev.frontdesk.core.tenant.ThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Throttling without lockout. Three counters, all kept for unknown user names too:
 * <ul>
 * <li><b>(login, client IP)</b>: after {@code freeFailures} failures each attempt from that IP for that
 *     name waits {@code firstDelay}, doubling per failure up to {@code maxDelay}; a success resets it.
 *     Failures from other IPs never touch this counter, so an attacker elsewhere cannot slow the real
 *     user down.</li>
 * <li><b>client IP across names</b> (spraying): after {@code ipFreeFailures} failures within an hour
 *     the IP waits likewise, whatever name it tries.</li>
 * <li><b>login, per hour</b> (ASVS 2.2.1): at most {@code maxFailuresPerAccountPerHour} failures an
 *     hour in total; past that, attempts wait for the window to close, except from an IP that has
 *     logged in to this account successfully within 30 days. That exception is what keeps a
 *     distributed attack from locking the real user out.</li>
 * </ul>
 */
public final class FailureThrottle implements LoginThrottle {
    private static final Duration PAIR_MEMORY = Duration.ofHours(12);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration KNOWN_IP_MEMORY = Duration.ofDays(30);

    private final ThrottleCounters counters;
    private final Clock clock;

    public FailureThrottle(ThrottleCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> waitBefore(String tenant, String login, String clientIp, ThrottleSettings s) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        wait = max(wait, backoff(counters.get(pairKey(tenant, login, clientIp), now, PAIR_MEMORY), s.freeFailures(), s, now));
        wait = max(wait, backoff(counters.get(ipKey(tenant, clientIp), now, HOUR), s.ipFreeFailures(), s, now));
        Optional<ThrottleCounters.Count> perAccount = counters.get(accountKey(tenant, login), now, HOUR);
        if (perAccount.isPresent() && perAccount.get().count() >= s.maxFailuresPerAccountPerHour()
                && !counters.isMarked(knownIpKey(tenant, login, clientIp), now)) {
            wait = max(wait, Duration.between(now, perAccount.get().windowStart().plus(HOUR)));
        }
        return wait.isPositive() ? Optional.of(wait) : Optional.empty();
    }

    @Override
    public void failed(String tenant, String login, String clientIp, ThrottleSettings s) {
        Instant now = clock.instant();
        counters.increment(pairKey(tenant, login, clientIp), now, PAIR_MEMORY);
        counters.increment(ipKey(tenant, clientIp), now, HOUR);
        counters.increment(accountKey(tenant, login), now, HOUR);
    }

    @Override
    public void succeeded(String tenant, String login, String clientIp) {
        counters.reset(pairKey(tenant, login, clientIp));
        counters.mark(knownIpKey(tenant, login, clientIp), clock.instant(), KNOWN_IP_MEMORY);
    }

    private static Duration backoff(Optional<ThrottleCounters.Count> count, int free, ThrottleSettings s, Instant now) {
        if (count.isEmpty() || count.get().count() < free) {
            return Duration.ZERO;
        }
        long doublings = Math.min(30, count.get().count() - free);
        long seconds = Math.min(s.maxDelaySeconds(), s.firstDelaySeconds() << doublings);
        return Duration.between(now, count.get().last().plusSeconds(seconds));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String name(String login) {
        String lower = login.trim().toLowerCase(Locale.ROOT);
        return lower.length() > 256 ? lower.substring(0, 256) : lower;
    }

    private static String pairKey(String tenant, String login, String ip) {
        return "pair|" + tenant + "|" + ip + "|" + name(login);
    }

    private static String ipKey(String tenant, String ip) {
        return "ip|" + tenant + "|" + ip;
    }

    private static String accountKey(String tenant, String login) {
        return "acct|" + tenant + "|" + name(login);
    }

    private static String knownIpKey(String tenant, String login, String ip) {
        return "known|" + tenant + "|" + ip + "|" + name(login);
    }
}
