package dev.frontdesk.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HashLaneTest {

    @Test
    void hashesWhenWorkersAreBusyThenWaitersAreServedInArrivalOrder() throws Exception {
        HashLane lane = new HashLane(1);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread blocker = Thread.ofVirtual().start(() -> lane.run(() -> {
            busy.countDown();
            await(release);
            return 0;
        }));
        busy.await();

        List<Integer> served = new CopyOnWriteArrayList<>();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int arrival = i;
            waiters.add(Thread.ofVirtual().start(() -> lane.run(() -> served.add(arrival))));
            while (lane.waiting() < i + 1) {
                Thread.onSpinWait();
            }
        }
        release.countDown();
        blocker.join();
        for (Thread w : waiters) {
            w.join();
        }

        assertThat(served).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    }

    @Test
    void hashesWhenManyArriveThenNoMoreThanTheWorkersRunAtOnce() throws Exception {
        HashLane lane = new HashLane(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        var threads = ConcurrentHashMap.<String>newKeySet();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            callers.add(Thread.ofVirtual().start(() -> lane.run(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                threads.add(Thread.currentThread().getName());
                for (int spin = 0; spin < 10_000; spin++) {
                    Thread.onSpinWait();
                }
                return running.decrementAndGet();
            })));
        }
        for (Thread c : callers) {
            c.join();
        }

        assertThat(most.get()).isBetween(1, 2);
        assertThat(threads).allMatch(name -> name.startsWith("frontdesk-hash-")).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void hashWhenItFailsThenTheCallerGetsItsException() {
        HashLane lane = new HashLane(1);

        assertThatThrownBy(() -> lane.run(() -> {
            throw new IllegalArgumentException("bad salt");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad salt");
        assertThat(lane.run(() -> 42)).isEqualTo(42);
    }

    @Test
    void laneWhenGivenNoWorkersThenRefused() {
        assertThatThrownBy(() -> new HashLane(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
