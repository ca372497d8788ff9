package dev.frontdesk.core.tenant;

import dev.frontdesk.core.support.Validation;

/**
 * Growing delays after failed logins (no lockout). After {@code freeFailures} failures of one
 * (account, client IP) pair, each further attempt must wait {@code firstDelaySeconds}, doubling up to
 * {@code maxDelaySeconds}; one client IP failing against many accounts is slowed after
 * {@code ipFreeFailures}; an account takes at most {@code maxFailuresPerAccountPerHour} failures an hour.
 */
public record ThrottleSettings(int freeFailures, long firstDelaySeconds, long maxDelaySeconds,
                               int ipFreeFailures, int maxFailuresPerAccountPerHour) {
    public ThrottleSettings {
        Validation.require(freeFailures >= 1, "throttle.freeFailures", "throttle.freeFailures must be >= 1");
        Validation.require(firstDelaySeconds >= 1, "throttle.firstDelaySeconds", "must be >= 1");
        Validation.require(maxDelaySeconds >= firstDelaySeconds, "throttle.maxDelaySeconds",
                "must be >= firstDelaySeconds");
        Validation.require(ipFreeFailures >= 1, "throttle.ipFreeFailures", "must be >= 1");
        Validation.require(maxFailuresPerAccountPerHour >= 1, "throttle.maxFailuresPerAccountPerHour", "must be >= 1");
    }

    public static ThrottleSettings defaults() {
        return new ThrottleSettings(5, 1, 900, 50, 100);
    }
}
