package dev.frontdesk.core.throttle;

import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.tenant.ThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Throttling without lockout, after OWASP's guidance on slowing online guessing with trusted devices.
 * Three counters, all kept for unknown names too:
 * <ul>
 * <li><b>(principal, client IP)</b>: after {@code freeFailures} failures each attempt from that IP for
 *     that principal waits {@code firstDelay}, doubling per failure up to {@code maxDelay}; a success
 *     resets it. Failures from other IPs never touch this counter, so an attacker elsewhere cannot slow
 *     the real user down.</li>
 * <li><b>client IP across principals</b> (spraying): after {@code ipFreeFailures} failures within an
 *     hour the IP waits likewise, whatever name it tries.</li>
 * <li><b>principal, per hour</b> (ASVS 6.3.1): at most {@code maxFailuresPerAccountPerHour} failures an
 *     hour in total; past that, attempts wait for the window to close, <em>except</em> from a client the
 *     principal has proven itself from: an IP that logged in successfully within 30 days, a device token
 *     issued at a successful login within 180 days, or a trusted network of the tenant. Those
 *     exceptions are what keep a distributed attack from locking the real user out.</li>
 * </ul>
 * Device tokens are stored only as SHA-256, bound to the principal.
 */
public final class FailureThrottle implements LoginThrottle {
    private static final Duration PAIR_MEMORY = Duration.ofHours(12);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration KNOWN_IP_MEMORY = Duration.ofDays(30);
    public static final Duration DEVICE_MEMORY = Duration.ofDays(180);

    private final ThrottleCounters counters;
    private final Clock clock;

    public FailureThrottle(ThrottleCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> waitBefore(Subject subject, ThrottleSettings s) {
        Instant now = clock.instant();
        String scope = subject.scope();
        String ip = subject.clientIp();
        List<Optional<ThrottleCounters.Count>> counts = counters.getAll(List.of(pairKey(scope, subject.key(), ip),
                ipKey(scope, ip), principalKey(scope, subject.key())), now);
        Duration wait = Duration.ZERO;
        wait = max(wait, backoff(counts.get(0), s.freeFailures(), s, now));
        wait = max(wait, backoff(counts.get(1), s.ipFreeFailures(), s, now));
        Optional<ThrottleCounters.Count> perPrincipal = counts.get(2);
        if (perPrincipal.isPresent() && perPrincipal.get().count() >= s.maxFailuresPerAccountPerHour()
                && !provenClient(subject, s, now)) {
            wait = max(wait, Duration.between(now, perPrincipal.get().windowStart().plus(HOUR)));
        }
        return wait.isPositive() ? Optional.of(wait) : Optional.empty();
    }

    @Override
    public boolean failed(Subject subject, ThrottleSettings s) {
        Instant now = clock.instant();
        counters.increment(pairKey(subject.scope(), subject.key(), subject.clientIp()), now, PAIR_MEMORY);
        counters.increment(ipKey(subject.scope(), subject.clientIp()), now, HOUR);
        return counters.increment(principalKey(subject.scope(), subject.key()), now, HOUR).count()
                == s.maxFailuresPerAccountPerHour();
    }

    @Override
    public void succeeded(Subject subject, Optional<String> newDevice) {
        Map<String, Duration> marks = new LinkedHashMap<>();
        marks.put(knownIpKey(subject.scope(), subject.key(), subject.clientIp()), KNOWN_IP_MEMORY);
        newDevice.ifPresent(device -> marks.put(deviceKey(subject.scope(), subject.key(), device), DEVICE_MEMORY));
        counters.resetAndMark(pairKey(subject.scope(), subject.key(), subject.clientIp()), marks, clock.instant());
    }

    @Override
    public boolean isKnownDevice(Subject subject) {
        return subject.device() != null
                && counters.isMarked(deviceKey(subject.scope(), subject.key(), subject.device()), clock.instant());
    }

    private boolean provenClient(Subject subject, ThrottleSettings s, Instant now) {
        return s.isTrusted(subject.clientIp())
                || counters.isMarked(knownIpKey(subject.scope(), subject.key(), subject.clientIp()), now)
                || isKnownDevice(subject);
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

    private static String name(String key) {
        String lower = key.trim().toLowerCase(Locale.ROOT);
        return lower.length() > 256 ? lower.substring(0, 256) : lower;
    }

    private static String pairKey(String scope, String key, String ip) {
        return "pair|" + scope + "|" + ip + "|" + name(key);
    }

    private static String ipKey(String scope, String ip) {
        return "ip|" + scope + "|" + ip;
    }

    private static String principalKey(String scope, String key) {
        return "acct|" + scope + "|" + name(key);
    }

    private static String knownIpKey(String scope, String key, String ip) {
        return "known|" + scope + "|" + ip + "|" + name(key);
    }

    private static String deviceKey(String scope, String key, String device) {
        return "device|" + scope + "|" + Secrets.hash(device) + "|" + name(key);
    }
}
