package dev.frontdesk.core.throttle;

import dev.frontdesk.core.tenant.ThrottleSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * Port: slows down guessing. Asked before a password is hashed; told of every outcome. Keys are the
 * tenant, the login name as typed (also for unknown names) and the client IP.
 */
public interface LoginThrottle {
    /** How long this attempt must still wait, or empty when it may proceed. */
    Optional<Duration> waitBefore(String tenant, String login, String clientIp, ThrottleSettings settings);

    void failed(String tenant, String login, String clientIp, ThrottleSettings settings);

    void succeeded(String tenant, String login, String clientIp);

    LoginThrottle NONE = new LoginThrottle() {
        @Override
        public Optional<Duration> waitBefore(String tenant, String login, String clientIp, ThrottleSettings s) {
            return Optional.empty();
        }

        @Override
        public void failed(String tenant, String login, String clientIp, ThrottleSettings s) {
        }

        @Override
        public void succeeded(String tenant, String login, String clientIp) {
        }
    };
}
