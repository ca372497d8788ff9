package dev.frontdesk.core.credential;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs password hashes on a fixed number of platform threads fed from one FIFO queue, so hashes are
 * served strictly in arrival order and at most {@code workers} run at once.
 *
 * <p>Why not hash on the request's own (virtual) thread behind a lock or a queue of arenas: a hash is
 * 15-40 ms of CPU that never yields, so hashing virtual threads hold the few carrier threads of the
 * scheduler while the waiters, once woken, re-enter the scheduler's per-carrier and shared queues
 * (work-stealing, not arrival order) behind request parsing and response writing. Under saturation one
 * login in a hundred waited more than ten hashes (bench: p99 ~12x p50). Here the request thread parks
 * on a future; the queue decides the order, the operating system's preemptive scheduler keeps the
 * request threads running beside the hashes. Threads are made when first needed and are daemons, so
 * an idle server holds none and a stopping one is not held up.
 */
final class HashLane {
    private final ThreadPoolExecutor executor;

    HashLane(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread t = new Thread(task, "frontdesk-hash-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code hash} after every hash queued before it; waits for its result. */
    <T> T run(Supplier<T> hash) {
        Future<T> result = executor.submit(hash::get);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("hash cancelled", e);
        }
    }

    /** Hashes waiting for a worker (not those running). */
    int waiting() {
        return executor.getQueue().size();
    }
}
