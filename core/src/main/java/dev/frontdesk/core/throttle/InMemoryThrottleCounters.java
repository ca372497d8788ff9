package dev.frontdesk.core.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters for one node. Bounded: past {@link #MAX_ENTRIES} entries lapsed ones are dropped, and if
 * that is not enough (an attacker inventing user names) the oldest half goes, which can only make
 * throttling more lenient, never lock anyone out.
 */
public final class InMemoryThrottleCounters implements ThrottleCounters {
    static final int MAX_ENTRIES = 500_000;

    private record Entry(Count count, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Count increment(String key, Instant now, Duration window) {
        Entry updated = entries.compute(key, (k, e) -> {
            if (e == null || !now.isBefore(e.expiresAt())) {
                return new Entry(new Count(1, now, now), now.plus(window));
            }
            return new Entry(new Count(e.count().count() + 1, e.count().windowStart(), now), e.expiresAt());
        });
        if (entries.size() > MAX_ENTRIES) {
            prune(now);
        }
        return updated.count();
    }

    @Override
    public Optional<Count> get(String key, Instant now, Duration window) {
        Entry e = entries.get(key);
        return e == null || !now.isBefore(e.expiresAt()) ? Optional.empty() : Optional.of(e.count());
    }

    @Override
    public List<Optional<Count>> getAll(List<String> keys, Instant now) {
        return keys.stream().map(key -> get(key, now, Duration.ZERO)).toList();
    }

    @Override
    public void reset(String key) {
        entries.remove(key);
    }

    @Override
    public void mark(String key, Instant now, Duration lifetime) {
        entries.put(key, new Entry(new Count(1, now, now), now.plus(lifetime)));
    }

    @Override
    public boolean isMarked(String key, Instant now) {
        Entry e = entries.get(key);
        return e != null && now.isBefore(e.expiresAt());
    }

    private void prune(Instant now) {
        entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
        if (entries.size() > MAX_ENTRIES) {
            entries.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue((a, b) -> a.count().last().compareTo(b.count().last())))
                    .limit(entries.size() / 2)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(entries::remove);
        }
    }
}
