package dev.frontdesk.server.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing delays after failed console sign-ins, per client IP (no lockout of the admin: a per-account
 * lock would let anyone keep the admin out). The first {@link #FREE_FAILURES} failures cost nothing;
 * after that each attempt must wait {@link #FIRST_DELAY}, doubling with every further failure up to
 * {@link #MAX_DELAY}. A success from the IP, or {@link #FORGET_AFTER} without failures, clears the count.
 */
final class SignInThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final Map<String, Failures> byIp = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {
    }

    /** How long this IP must still wait before its next attempt is even checked; empty when it may try now. */
    Optional<Duration> retryAfter(String ip) {
        Failures failures = byIp.get(ip);
        Instant now = clock.instant();
        if (failures == null || failures.count() < FREE_FAILURES || expired(failures, now)) {
            return Optional.empty();
        }
        Instant until = failures.last().plus(delay(failures.count()));
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Counts a failure and returns how many this IP has now. */
    int failed(String ip) {
        Instant now = clock.instant();
        if (byIp.size() >= MAX_TRACKED && !byIp.containsKey(ip)) {
            byIp.entrySet().removeIf(e -> expired(e.getValue(), now));
            if (byIp.size() >= MAX_TRACKED) {
                byIp.entrySet().stream().min(Comparator.comparing(e -> e.getValue().last()))
                        .ifPresent(e -> byIp.remove(e.getKey()));
            }
        }
        return byIp.compute(ip, (key, old) -> old == null || expired(old, now)
                ? new Failures(1, now) : new Failures(old.count() + 1, now)).count();
    }

    void succeeded(String ip) {
        byIp.remove(ip);
    }

    private static boolean expired(Failures failures, Instant now) {
        return !now.isBefore(failures.last().plus(FORGET_AFTER));
    }

    static Duration delay(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
