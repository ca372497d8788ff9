package dev.frontdesk.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {
    @Test
    void timeOrderedIdsAreVersion7WithTheClocksMillisecondsFirst() {
        Instant at = Instant.parse("2026-11-24T10:00:00.123Z");
        UUID id = UUID.fromString(IdGenerator.timeOrdered(Clock.fixed(at, ZoneOffset.UTC)).newId());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void timeOrderedIdsSortByTimeAndDifferWithinOneMillisecond() {
        IdGenerator earlier = IdGenerator.timeOrdered(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC));
        IdGenerator later = IdGenerator.timeOrdered(Clock.fixed(Instant.ofEpochMilli(1_001), ZoneOffset.UTC));
        Set<String> sameMillisecond = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            sameMillisecond.add(earlier.newId());
        }

        assertThat(sameMillisecond).hasSize(10_000);
        assertThat(later.newId()).isGreaterThan(earlier.newId());
    }
}
