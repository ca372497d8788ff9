package dev.frontdesk.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.tenant.ThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final FailureThrottle throttle = new FailureThrottle(new InMemoryThrottleCounters(), clock);
    final ThrottleSettings settings = ThrottleSettings.defaults();

    @Test
    void delayStartsAfterFreeFailuresAndDoublesUpToTheCeiling() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.waitBefore("t", "alice", "ip", settings)).isEmpty();
            throttle.failed("t", "alice", "ip", settings);
        }
        assertThat(throttle.waitBefore("t", "alice", "ip", settings)).hasValue(Duration.ofSeconds(1));
        throttle.failed("t", "alice", "ip", settings);
        assertThat(throttle.waitBefore("t", "alice", "ip", settings)).hasValue(Duration.ofSeconds(2));
        for (int i = 0; i < 30; i++) {
            throttle.failed("t", "alice", "ip", settings);
        }
        assertThat(throttle.waitBefore("t", "alice", "ip", settings)).hasValue(Duration.ofSeconds(900));
    }

    @Test
    void waitingOutTheDelayThenAttemptAllowed() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("t", "bob", "ip", settings);
        }
        now.updateAndGet(t -> t.plusSeconds(1));
        assertThat(throttle.waitBefore("t", "bob", "ip", settings)).isEmpty();
    }

    @Test
    void successResetsThePairAndOtherIpsAreUnaffected() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("t", "carol", "attacker", settings);
        }
        assertThat(throttle.waitBefore("t", "carol", "owner", settings)).isEmpty();
        throttle.succeeded("t", "carol", "attacker");
        assertThat(throttle.waitBefore("t", "carol", "attacker", settings)).isEmpty();
    }
}
