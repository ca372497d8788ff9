package dev.frontdesk.core.session;

import dev.frontdesk.core.support.StoreUnavailable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Items read back from durable storage in the background after a restart, while the node already
 * serves: what is loaded answers at once, and a question that needs the whole picture (is this ID
 * unknown? how many does this owner hold?) waits for {@link #await()} or reads through to storage.
 *
 * <p>Keys that requests settle meanwhile (read through, or removed) are remembered until the end,
 * so the loader, working from its own snapshot of the table, never puts back what a request ended.
 */
public final class Restoration {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    private volatile boolean complete;
    private volatile RuntimeException failure;

    private Restoration() {
    }

    /** A restoration already over (nothing to load, or loaded before the store was built). */
    public static Restoration done() {
        Restoration restoration = new Restoration();
        restoration.finish(null);
        return restoration;
    }

    /**
     * Runs {@code load} on {@code loader} (the server's runs it on one thread once it listens, so
     * start-up does not share the CPU with loading); the restoration ends when it returns or fails.
     */
    public static Restoration start(Executor loader, Consumer<Restoration> load) {
        Restoration restoration = new Restoration();
        loader.execute(() -> {
            try {
                load.accept(restoration);
                restoration.finish(null);
            } catch (RuntimeException e) {
                restoration.finish(e);
            }
        });
        return restoration;
    }

    /** True until every item is loaded; stays true if loading failed (read-through still works). */
    public boolean inProgress() {
        return !complete;
    }

    /** Returns once every item is loaded; throws {@link StoreUnavailable} if loading failed. */
    public void await() {
        if (finished.getCount() > 0) {
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailable("restoring from storage", e);
            }
        }
        if (failure != null) {
            throw new StoreUnavailable("restoring from storage", failure);
        }
    }

    /** Marks a key as decided by a request; call under the owner's lock. */
    void settle(String key) {
        if (finished.getCount() > 0) {
            settled.add(key);
        }
    }

    boolean isSettled(String key) {
        return settled.contains(key);
    }

    boolean failed() {
        return failure != null;
    }

    private void finish(RuntimeException error) {
        failure = error;
        complete = error == null;
        finished.countDown();
        settled.clear();
    }
}
