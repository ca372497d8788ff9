package dev.frontdesk.core.throttle;

import dev.frontdesk.core.tenant.ThrottleSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * Port: slows down guessing. Asked before a credential is verified; told of every outcome. Subjects
 * are counted for unknown names too.
 */
public interface LoginThrottle {
    /**
     * Who is guessing: {@code scope} (tenant or the admin scope), {@code key} (the namespaced principal),
     * the client address and the device token the request presented (null when none).
     */
    record Subject(String scope, String key, String clientIp, String device) {
    }

    /** How long this attempt must still wait, or empty when it may proceed. */
    Optional<Duration> waitBefore(Subject subject, ThrottleSettings settings);

    /** Whether the subject's device token was issued to its principal at an earlier successful login. */
    boolean isKnownDevice(Subject subject);

    /** Counts a failure; true when this one brought the principal to its hourly cap (it is under attack). */
    boolean failed(Subject subject, ThrottleSettings settings);

    /** Clears the subject's backoff and remembers its address and device as proven for the principal. */
    void succeeded(Subject subject, Optional<String> newDevice);

    LoginThrottle NONE = new LoginThrottle() {
        @Override
        public Optional<Duration> waitBefore(Subject subject, ThrottleSettings s) {
            return Optional.empty();
        }

        @Override
        public boolean isKnownDevice(Subject subject) {
            return false;
        }

        @Override
        public boolean failed(Subject subject, ThrottleSettings s) {
            return false;
        }

        @Override
        public void succeeded(Subject subject, Optional<String> newDevice) {
        }
    };
}
