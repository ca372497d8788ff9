package dev.frontdesk.server.store.redis;

import dev.frontdesk.core.support.NamedLocks;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.support.StoreUnavailable;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Locks shared by every node: {@code SET key token NX PX} with a lease, released only by its holder
 * (compare-and-delete script). The lease bounds how long a crashed holder blocks others; the actions
 * guarded here take milliseconds.
 */
public final class RedisLocks implements NamedLocks {
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    private final Redis redis;
    private final NamedLocks local = NamedLocks.local();

    public RedisLocks(Redis redis) {
        this.redis = redis;
    }

    @Override
    public <T> T withLock(String name, Supplier<T> action) {
        // one waiter per node at a time: the others queue locally instead of polling Redis
        return local.withLock(name, () -> {
            String key = "fd:lock:" + name;
            String token = Secrets.strong().newSecret();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!"OK".equals(redis.call(c -> c.set(key, token, SetArgs.Builder.nx().px(LEASE.toMillis()))))) {
                if (System.nanoTime() > deadline) {
                    throw new StoreUnavailable("Redis lock " + name, null);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreUnavailable("Redis lock " + name, e);
                }
            }
            try {
                return action.get();
            } finally {
                redis.script(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, token);
            }
        });
    }
}
