package dev.frontdesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.throttle.ThrottleCounters;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ThrottleCounters} must do, run against each implementation (one node's memory,
 * Redis across nodes): the throttle behaves the same whichever holds its counters.
 */
public abstract class ThrottleCountersContract {
    private static final Duration HOUR = Duration.ofHours(1);

    protected abstract ThrottleCounters counters();

    private static String key() {
        return "contract|" + UUID.randomUUID();
    }

    @Test
    void incrementWhenRepeatedThenCountsAndKeepsTheWindowStart() {
        String key = key();
        Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(counters().increment(key, first, HOUR).count()).isEqualTo(1);
        ThrottleCounters.Count second = counters().increment(key, first.plusSeconds(2), HOUR);

        assertThat(second.count()).isEqualTo(2);
        assertThat(second.windowStart()).isEqualTo(first);
        assertThat(second.last()).isEqualTo(first.plusSeconds(2));
        assertThat(counters().get(key, first.plusSeconds(3), HOUR)).contains(second);
    }

    @Test
    void getWhenNeverIncrementedThenEmpty() {
        assertThat(counters().get(key(), Instant.now(), HOUR)).isEmpty();
    }

    @Test
    void resetWhenCountedThenGone() {
        String key = key();
        counters().increment(key, Instant.now(), HOUR);
        counters().reset(key);
        assertThat(counters().get(key, Instant.now(), HOUR)).isEmpty();
    }

    @Test
    void markWhenSetThenMarkedAndOtherKeysNot() {
        String key = key();
        counters().mark(key, Instant.now(), Duration.ofDays(30));
        assertThat(counters().isMarked(key, Instant.now())).isTrue();
        assertThat(counters().isMarked(key(), Instant.now())).isFalse();
    }

    @Test
    void incrementWhenConcurrentThenNoIncrementIsLost() throws InterruptedException {
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 200; i++) {
            pool.submit(() -> counters().increment(key, Instant.now(), HOUR));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(counters().get(key, Instant.now(), HOUR)).map(ThrottleCounters.Count::count).contains(200L);
    }

    @Test
    void getAllWhenSomeCountedThenEachInOrderAndTheOthersEmpty() {
        String counted = key();
        String never = key();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        counters().increment(counted, now, HOUR);
        counters().increment(counted, now, HOUR);

        var all = counters().getAll(java.util.List.of(never, counted), now);

        assertThat(all).hasSize(2);
        assertThat(all.get(0)).isEmpty();
        assertThat(all.get(1)).map(ThrottleCounters.Count::count).contains(2L);
    }

    @Test
    void resetAndMarkWhenSuccessThenCounterGoneAndMarksSet() {
        String pair = key();
        String known = key();
        String device = key();
        counters().increment(pair, Instant.now(), HOUR);

        counters().resetAndMark(pair, java.util.Map.of(known, Duration.ofDays(30), device, Duration.ofDays(180)),
                Instant.now());

        assertThat(counters().get(pair, Instant.now(), HOUR)).isEmpty();
        assertThat(counters().isMarked(known, Instant.now())).isTrue();
        assertThat(counters().isMarked(device, Instant.now())).isTrue();
    }
}
