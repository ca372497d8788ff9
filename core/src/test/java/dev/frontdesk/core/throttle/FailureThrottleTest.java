package dev.frontdesk.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.support.TestClock;
import dev.frontdesk.core.tenant.ThrottleSettings;
import dev.frontdesk.core.throttle.LoginThrottle.Subject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {
    final TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
    final FailureThrottle throttle = new FailureThrottle(new InMemoryThrottleCounters(), clock);
    final ThrottleSettings settings = ThrottleSettings.defaults();

    private static Subject s(String login, String ip) {
        return new Subject("t", login, ip, null);
    }

    private static Subject s(String login, String ip, String device) {
        return new Subject("t", login, ip, device);
    }

    private Optional<Duration> waitBefore(Subject subject) {
        return throttle.waitBefore(subject, settings);
    }

    @Test
    void delayStartsAfterFreeFailuresAndDoublesUpToTheCeiling() {
        for (int i = 0; i < 5; i++) {
            assertThat(waitBefore(s("alice", "ip"))).isEmpty();
            throttle.failed(s("alice", "ip"), settings);
        }
        assertThat(waitBefore(s("alice", "ip"))).hasValue(Duration.ofSeconds(1));
        throttle.failed(s("alice", "ip"), settings);
        assertThat(waitBefore(s("alice", "ip"))).hasValue(Duration.ofSeconds(2));
        for (int i = 0; i < 30; i++) {
            throttle.failed(s("alice", "ip"), settings);
        }
        assertThat(waitBefore(s("alice", "ip"))).hasValue(Duration.ofSeconds(900));
    }

    @Test
    void waitingOutTheDelayThenAttemptAllowed() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(s("bob", "ip"), settings);
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(waitBefore(s("bob", "ip"))).isEmpty();
    }

    @Test
    void successResetsThePairAndOtherIpsAreUnaffected() {
        for (int i = 0; i < 6; i++) {
            throttle.failed(s("carol", "attacker"), settings);
        }
        assertThat(waitBefore(s("carol", "owner"))).isEmpty();
        throttle.succeeded(s("carol", "attacker"), Optional.empty());
        assertThat(waitBefore(s("carol", "attacker"))).isEmpty();
    }

    /** Finding 1 of the hardening issue: 100 failures spread over 20 addresses. */
    private void distributedAttackOn(String login) {
        for (int i = 0; i < settings.maxFailuresPerAccountPerHour(); i++) {
            throttle.failed(s(login, "203.0.113." + (i % 20)), settings);
        }
    }

    @Test
    void accountAtHourlyCapWhenNewAddressThenWaitsForTheWindow() {
        distributedAttackOn("erin");
        assertThat(waitBefore(s("erin", "198.51.100.7"))).isPresent();
    }

    @Test
    void accountAtHourlyCapWhenKnownAddressThenNotHeld() {
        throttle.succeeded(s("frank", "198.51.100.8"), Optional.empty());
        distributedAttackOn("frank");
        assertThat(waitBefore(s("frank", "198.51.100.8"))).isEmpty();
    }

    @Test
    void accountAtHourlyCapWhenDeviceProvenAtEarlierLoginThenNotHeldFromANewAddress() {
        throttle.succeeded(s("gina", "198.51.100.9"), Optional.of("device-1"));
        distributedAttackOn("gina");
        assertThat(waitBefore(s("gina", "192.0.2.44", "device-1"))).isEmpty();
        assertThat(waitBefore(s("gina", "192.0.2.44", "someone-elses-device"))).isPresent();
        assertThat(throttle.isKnownDevice(s("other", "192.0.2.44", "device-1"))).as("bound to the account").isFalse();
    }

    @Test
    void accountAtHourlyCapWhenTrustedNetworkThenNotHeld() {
        ThrottleSettings trusting = settings.trusting(List.of("192.0.2.0/24"));
        distributedAttackOn("hank");
        assertThat(throttle.waitBefore(s("hank", "192.0.2.200"), trusting)).isEmpty();
        assertThat(throttle.waitBefore(s("hank", "198.51.100.200"), trusting)).isPresent();
    }

    @Test
    void theFailureThatReachesTheCapSaysUnderAttackOnce() {
        int signals = 0;
        for (int i = 0; i < settings.maxFailuresPerAccountPerHour() + 10; i++) {
            signals += throttle.failed(s("ivan", "203.0.113." + (i % 20)), settings) ? 1 : 0;
        }
        assertThat(signals).isEqualTo(1);
    }
}
