package dev.frontdesk.core.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: failure counters for throttling (in memory on one node, Redis across nodes). A counter
 * counts events inside a fixed window that opens at its first event; marks are flags with a lifetime.
 */
public interface ThrottleCounters {
    /** A count of events since {@code windowStart}, the last at {@code last}. */
    record Count(long count, Instant windowStart, Instant last) {
    }

    /** Adds one event and returns the new count (a lapsed window starts over). */
    Count increment(String key, Instant now, Duration window);

    Optional<Count> get(String key, Instant now, Duration window);

    /** Several counters at once (one round trip where the store is remote), in the order of {@code keys}. */
    default List<Optional<Count>> getAll(List<String> keys, Instant now) {
        return keys.stream().map(key -> get(key, now, Duration.ZERO)).toList();
    }

    /** Resets {@code resetKey} and sets each mark with its lifetime (one round trip where the store is remote). */
    default void resetAndMark(String resetKey, Map<String, Duration> marks, Instant now) {
        reset(resetKey);
        marks.forEach((key, lifetime) -> mark(key, now, lifetime));
    }

    void reset(String key);

    void mark(String key, Instant now, Duration lifetime);

    boolean isMarked(String key, Instant now);
}
