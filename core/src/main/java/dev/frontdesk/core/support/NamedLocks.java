package dev.frontdesk.core.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Port: mutual exclusion by name, for check-then-act rules that span several sessions (customer
 * licenses of a tenant, an SRS place). One node locks in memory; several nodes lock in Redis.
 */
public interface NamedLocks {
    <T> T withLock(String name, Supplier<T> action);

    /** Locks for a single node: a {@link ReentrantLock} per name (virtual threads park, not pin). */
    static NamedLocks local() {
        Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
        return new NamedLocks() {
            @Override
            public <T> T withLock(String name, Supplier<T> action) {
                ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
                lock.lock();
                try {
                    return action.get();
                } finally {
                    lock.unlock();
                }
            }
        };
    }
}
