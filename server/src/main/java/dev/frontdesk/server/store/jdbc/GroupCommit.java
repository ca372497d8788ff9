package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.support.StoreUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Small writes from many request threads, committed together by one writer thread ("group commit").
 * A caller still waits until the transaction holding its write has committed, so what a client was
 * told is stored is stored; but a burst of N concurrent writers costs one commit instead of N, and a
 * commit (a file write in H2, a round trip and a WAL flush in PostgreSQL) is the expensive part of a
 * one-row insert. When a shared transaction fails, its writes are retried one by one, so one bad write
 * fails only its own caller; when the database does not answer ({@link StoreUnavailable}), the whole
 * batch fails at once instead.
 */
public final class GroupCommit implements AutoCloseable {
    private static final int MAX_BATCH = 256;
    private static final int MAX_QUEUED = 16_384;

    private final Jdbi jdbi;
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread writer;
    private volatile boolean open = true;

    private record Write(Consumer<Handle> action, CompletableFuture<Void> done) {
    }

    public GroupCommit(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.writer = Thread.ofPlatform().name("frontdesk-group-commit").daemon(true).start(this::writeLoop);
    }

    /** Queues a write; the future completes when it is committed (or fails with the write's error). */
    public CompletableFuture<Void> submit(Consumer<Handle> action) {
        Write write = new Write(action, new CompletableFuture<>());
        if (!open) {
            commitAlone(write);
            return write.done();
        }
        try {
            queue.put(write);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            write.done().completeExceptionally(e);
        }
        if (!open) {
            commitLeftovers(); // closed while this write was being queued: the writer may be gone
        }
        return write.done();
    }

    /** Runs the write in the next shared transaction and returns once it is committed. */
    public void run(Consumer<Handle> action) {
        await(submit(action));
    }

    /** Waits for a submitted write; its failure is rethrown as it was raised. */
    public static void await(CompletableFuture<Void> written) {
        try {
            written.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void writeLoop() {
        List<Write> batch = new ArrayList<>(MAX_BATCH);
        while (open) {
            try {
                Write first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Write> batch) {
        try {
            jdbi.useTransaction(h -> batch.forEach(w -> w.action().accept(h)));
            batch.forEach(w -> w.done().complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1 || e instanceof StoreUnavailable) {
                // one write, or the database is away: retrying each alone would only wait N times as long
                batch.forEach(w -> w.done().completeExceptionally(e));
            } else {
                batch.forEach(this::commitAlone);
            }
        }
    }

    private void commitAlone(Write write) {
        try {
            jdbi.useTransaction(h -> write.action().accept(h));
            write.done().complete(null);
        } catch (RuntimeException e) {
            write.done().completeExceptionally(e);
        }
    }

    private void commitLeftovers() {
        for (Write write = queue.poll(); write != null; write = queue.poll()) {
            commitAlone(write);
        }
    }

    /**
     * Stops the writer (it is never interrupted: an interrupt closes H2's file channel) and commits what
     * is still queued; later writes commit on the caller's thread.
     */
    @Override
    public void close() {
        open = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commitLeftovers();
    }
}
