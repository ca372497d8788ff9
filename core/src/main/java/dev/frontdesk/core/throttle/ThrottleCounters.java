package dev.frontdesk.core.throttle;

import java.time.Duration;
import java.time.Instant;
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

    void reset(String key);

    void mark(String key, Instant now, Duration lifetime);

    boolean isMarked(String key, Instant now);
}
