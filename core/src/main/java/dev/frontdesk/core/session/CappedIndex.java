package dev.frontdesk.core.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * An in-memory map of capped, expiring items with an index by owner: the single-node engine behind
 * the session and token stores.
 *
 * <p>Admission locks the owner (a striped {@link ReentrantLock}, which virtual threads can park on),
 * counts the owner's live items, and evicts the oldest when forced: concurrent logins of one account
 * serialise here and nowhere else, so the cap holds exactly. Lookups take no lock.
 */
public final class CappedIndex<T extends Expiring> {
    private static final int STRIPES = 256;

    private final Map<String, T> byKey = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> keysByOwner = new ConcurrentHashMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public CappedIndex() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Hooks a durable store runs inside the owner's lock, so memory and disk agree. */
    public interface Journal<T> {
        void removed(T item);

        void added(T item);

        /**
         * Called after the lock is released: returns once what this thread journaled is durable. A
         * journal that writes in {@link #added}/{@link #removed} has nothing left to wait for.
         */
        default void awaitWritten() {
        }

        static <T> Journal<T> none() {
            return new Journal<>() {
                @Override
                public void removed(T item) {
                }

                @Override
                public void added(T item) {
                }
            };
        }
    }

    public Admission<T> admit(T item, int cap, boolean force, Instant now, Journal<T> journal) {
        ReentrantLock lock = lockFor(item.owner());
        lock.lock();
        try {
            Set<String> owned = keysByOwner.get(item.owner());
            if (owned == null || owned.size() < cap) {
                // under the cap even counting expired items: no scan (the sweeper removes expired ones)
                add(item, journal);
                return new Admission<>(true, List.of(), List.of());
            }
            List<T> live = new ArrayList<>();
            List<T> expired = new ArrayList<>();
            for (T existing : itemsOf(item.owner())) {
                (existing.isExpiredAt(now) ? expired : live).add(existing);
            }
            expired.forEach(e -> removeUnlocked(e, journal));
            List<T> evicted = new ArrayList<>();
            if (live.size() >= cap) {
                if (!force) {
                    return Admission.refused(expired);
                }
                live.sort(Comparator.comparing(Expiring::createdAt));
                for (int i = 0; i <= live.size() - cap; i++) {
                    removeUnlocked(live.get(i), journal);
                    evicted.add(live.get(i));
                }
            }
            add(item, journal);
            return new Admission<>(true, evicted, expired);
        } finally {
            lock.unlock();
        }
    }

    private void add(T item, Journal<T> journal) {
        journal.added(item);
        byKey.put(item.key(), item);
        keysByOwner.computeIfAbsent(item.owner(), o -> ConcurrentHashMap.newKeySet()).add(item.key());
    }

    /** Puts an item back without a cap check (loading from durable storage at start-up). */
    public void restore(T item) {
        byKey.put(item.key(), item);
        keysByOwner.computeIfAbsent(item.owner(), o -> ConcurrentHashMap.newKeySet()).add(item.key());
    }

    /**
     * Puts an item read back from storage in place unless its key is present or was settled by a
     * request meanwhile; under the owner's lock, so a concurrent removal cannot be undone.
     *
     * @return true when the item was added
     */
    public boolean restoreIfAbsent(T item, Restoration restoration) {
        ReentrantLock lock = lockFor(item.owner());
        lock.lock();
        try {
            if (restoration.isSettled(item.key()) || byKey.containsKey(item.key())) {
                return false;
            }
            restore(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    public Optional<T> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Replaces an item in place, if still present (touch, attribute changes). */
    public Optional<T> update(String key, UnaryOperator<T> change) {
        return Optional.ofNullable(byKey.computeIfPresent(key, (k, v) -> change.apply(v)));
    }

    public Optional<T> remove(String key, Journal<T> journal) {
        T item = byKey.get(key);
        if (item == null) {
            return Optional.empty();
        }
        ReentrantLock lock = lockFor(item.owner());
        lock.lock();
        try {
            T current = byKey.get(key);
            if (current == null) {
                return Optional.empty();
            }
            removeUnlocked(current, journal);
            return Optional.of(current);
        } finally {
            lock.unlock();
        }
    }

    public List<T> itemsOf(String owner) {
        Set<String> keys = keysByOwner.get(owner);
        if (keys == null) {
            return List.of();
        }
        List<T> items = new ArrayList<>(keys.size());
        for (String key : keys) {
            T item = byKey.get(key);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    public List<T> all() {
        return List.copyOf(byKey.values());
    }

    public int size() {
        return byKey.size();
    }

    public List<T> removeExpired(Instant now, Journal<T> journal) {
        List<T> removed = new ArrayList<>();
        for (T item : byKey.values()) {
            if (item.isExpiredAt(now)) {
                remove(item.key(), journal).filter(i -> i.isExpiredAt(now)).ifPresent(removed::add);
            }
        }
        return removed;
    }

    private void removeUnlocked(T item, Journal<T> journal) {
        journal.removed(item);
        byKey.remove(item.key());
        Set<String> keys = keysByOwner.get(item.owner());
        if (keys != null) {
            keys.remove(item.key());
            if (keys.isEmpty()) {
                keysByOwner.remove(item.owner(), keys);
            }
        }
    }

    private ReentrantLock lockFor(String owner) {
        return locks[Math.floorMod(owner.hashCode(), STRIPES)];
    }
}
