package dev.frontdesk.server.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-phase read deadlines for HTTP/1.1 connections, which Helidon 4.5 lacks: its sockets have no read
 * timeout, and its idle-connection check only interrupts a connection that is waiting for a request
 * line. A client sending one header line or one body byte every half minute could otherwise hold a
 * connection (and a virtual thread, and a place under the connection limit) for as long as it likes.
 *
 * <p>A connection's thread arms a deadline before it blocks on a phase it does not control the pace of
 * (the headers after the request line; the body) and disarms it when the phase is over. One watchdog
 * thread looks at the armed deadlines a few times per second and interrupts the thread of a phase that
 * is over time. The thread is blocked in a read on a {@link java.nio.channels.SocketChannel}, an
 * interruptible channel: the interrupt closes the connection and the read fails, which is the answer a
 * client that cannot send its request in time gets (as with nginx's {@code client_header_timeout}).
 * A phase is disarmed with a compare-and-set from the same state the watchdog fires from, so a thread
 * that has finished its read is never interrupted later, in the middle of business logic.
 *
 * <p>Waiting for the request line itself (a new connection, or an idle keep-alive one) is bounded by
 * Helidon's own idle-connection check, set to the same head timeout by {@code FrontdeskServer}.
 */
public final class ReadDeadlines implements AutoCloseable {
    private static final int ARMED = 0;
    private static final int DISARMED = 1;
    private static final int FIRED = 2;
    private static final long TICK_MILLIS = 200;

    /** One armed phase of one connection thread. */
    public static final class Phase {
        private final Thread thread;
        private final long deadlineNanos;
        private final AtomicInteger state = new AtomicInteger(ARMED);

        private Phase(Thread thread, long deadlineNanos) {
            this.thread = thread;
            this.deadlineNanos = deadlineNanos;
        }

        /** True when the deadline passed and the thread was (or is about to be) interrupted. */
        public boolean fired() {
            return state.get() == FIRED;
        }
    }

    private final Duration head;
    private final Duration body;
    private final Map<Thread, Phase> armed = new ConcurrentHashMap<>();
    private final Thread watchdog;
    private volatile boolean running = true;

    public ReadDeadlines(Duration head, Duration body) {
        this.head = requirePositive(head, "head");
        this.body = requirePositive(body, "body");
        this.watchdog = Thread.ofPlatform().name("frontdesk-read-deadlines").daemon(true).start(this::watch);
    }

    public Duration head() {
        return head;
    }

    public Duration body() {
        return body;
    }

    /** Arms the header-reading deadline for the calling connection thread. */
    public void armHeaders() {
        arm(head);
    }

    /** Arms the body-reading deadline for the calling thread; disarm it with {@link #disarm(Phase)}. */
    public Phase armBody() {
        return arm(body);
    }

    /** Disarms the calling thread's current phase, if any. */
    public void disarmCurrent() {
        Phase phase = armed.get(Thread.currentThread());
        if (phase != null) {
            disarm(phase);
        }
    }

    /**
     * Ends a phase. When it had fired, the interrupt is consumed here so that it cannot hit a later
     * blocking call of this thread; the connection is closed already.
     */
    public void disarm(Phase phase) {
        armed.remove(phase.thread, phase);
        if (!phase.state.compareAndSet(ARMED, DISARMED)) {
            Thread.interrupted();
        }
    }

    private Phase arm(Duration timeout) {
        Thread thread = Thread.currentThread();
        Phase phase = new Phase(thread, System.nanoTime() + timeout.toNanos());
        Phase previous = armed.put(thread, phase);
        if (previous != null) {
            previous.state.compareAndSet(ARMED, DISARMED);
        }
        return phase;
    }

    private void watch() {
        while (running) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Phase phase : armed.values()) {
                if (now - phase.deadlineNanos > 0 && phase.state.compareAndSet(ARMED, FIRED)) {
                    armed.remove(phase.thread, phase);
                    phase.thread.interrupt();
                }
            }
        }
    }

    private static Duration requirePositive(Duration timeout, String name) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " read timeout must be positive");
        }
        return timeout;
    }

    @Override
    public void close() {
        running = false;
        watchdog.interrupt();
    }
}
