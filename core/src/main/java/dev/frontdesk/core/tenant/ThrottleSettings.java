package dev.frontdesk.core.tenant;

import dev.frontdesk.core.support.Cidr;
import dev.frontdesk.core.support.Validation;
import java.util.List;
import java.util.Objects;

/**
 * Growing delays after failed logins (no lockout). After {@code freeFailures} failures of one
 * (account, client IP) pair, each further attempt must wait {@code firstDelaySeconds}, doubling up to
 * {@code maxDelaySeconds}; one client IP failing against many accounts is slowed after
 * {@code ipFreeFailures}; an account takes at most {@code maxFailuresPerAccountPerHour} failures an
 * hour from clients it has not proven itself from. {@code trustedNetworks} (CIDRs: the contact
 * centre's own NAT) are never held to that hourly cap.
 */
public record ThrottleSettings(int freeFailures, long firstDelaySeconds, long maxDelaySeconds,
                               int ipFreeFailures, int maxFailuresPerAccountPerHour, List<String> trustedNetworks) {
    public ThrottleSettings {
        Validation.require(freeFailures >= 1, "throttle.freeFailures", "throttle.freeFailures must be >= 1");
        Validation.require(firstDelaySeconds >= 1, "throttle.firstDelaySeconds", "must be >= 1");
        Validation.require(maxDelaySeconds >= firstDelaySeconds, "throttle.maxDelaySeconds",
                "must be >= firstDelaySeconds");
        Validation.require(ipFreeFailures >= 1, "throttle.ipFreeFailures", "must be >= 1");
        Validation.require(maxFailuresPerAccountPerHour >= 1, "throttle.maxFailuresPerAccountPerHour", "must be >= 1");
        trustedNetworks = List.copyOf(Objects.requireNonNullElse(trustedNetworks, List.of()));
        for (String network : trustedNetworks) {
            try {
                Cidr.parse(network);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new Validation("throttle.trustedNetworks", "not a CIDR range: " + network);
            }
        }
    }

    public static ThrottleSettings defaults() {
        return new ThrottleSettings(5, 1, 900, 50, 100, List.of());
    }

    /** The same settings with {@code networks} trusted as well. */
    public ThrottleSettings trusting(List<String> networks) {
        List<String> all = new java.util.ArrayList<>(trustedNetworks);
        all.addAll(networks);
        return new ThrottleSettings(freeFailures, firstDelaySeconds, maxDelaySeconds, ipFreeFailures,
                maxFailuresPerAccountPerHour, all);
    }

    /** Whether {@code clientIp} lies in one of the trusted networks. */
    public boolean isTrusted(String clientIp) {
        if (trustedNetworks.isEmpty() || clientIp == null || clientIp.isEmpty()) {
            return false;
        }
        return Cidr.parseAddress(clientIp).map(address -> trustedNetworks.stream()
                .anyMatch(network -> Cidr.parse(network).contains(address))).orElse(false);
    }
}
