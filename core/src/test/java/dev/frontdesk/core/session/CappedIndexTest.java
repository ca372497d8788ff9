package dev.frontdesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CappedIndexTest {
    record Item(String key, String owner, Instant createdAt, Instant expiresAt) implements Expiring {
    }

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Item item(String key, String owner, int createdSecond) {
        return new Item(key, owner, T0.plusSeconds(createdSecond), T0.plusSeconds(3600));
    }

    @Test
    void concurrentAdmissionsForOneOwnerThenExactlyCapAdmitted() throws Exception {
        CappedIndex<Item> index = new CappedIndex<>();
        AtomicInteger admitted = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    if (index.admit(item("k" + n, "owner", n), 5, false, T0, CappedIndex.Journal.none()).admitted()) {
                        admitted.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(admitted).hasValue(5);
        assertThat(index.itemsOf("owner")).hasSize(5);
    }

    @Test
    void forcedAdmissionAtCapThenOldestEvicted() {
        CappedIndex<Item> index = new CappedIndex<>();
        for (int i = 0; i < 3; i++) {
            index.admit(item("k" + i, "owner", i), 3, false, T0, CappedIndex.Journal.none());
        }
        Admission<Item> forced = index.admit(item("new", "owner", 10), 3, true, T0, CappedIndex.Journal.none());
        assertThat(forced.admitted()).isTrue();
        assertThat(forced.evicted()).extracting(Item::key).containsExactly("k0");
        assertThat(index.find("k0")).isEmpty();
        assertThat(index.itemsOf("owner")).extracting(Item::key).containsExactlyInAnyOrder("k1", "k2", "new");
    }

    @Test
    void lapsedItemsDoNotCountAndAreDropped() {
        CappedIndex<Item> index = new CappedIndex<>();
        index.admit(new Item("old", "owner", T0, T0.plusSeconds(1)), 1, false, T0, CappedIndex.Journal.none());
        Admission<Item> later = index.admit(item("fresh", "owner", 5), 1, false, T0.plusSeconds(2),
                CappedIndex.Journal.none());
        assertThat(later.admitted()).isTrue();
        assertThat(later.expired()).extracting(Item::key).containsExactly("old");
        assertThat(index.find("old")).isEmpty();
    }

    @Test
    void refusedAdmissionWritesNothingToTheJournal() {
        CappedIndex<Item> index = new CappedIndex<>();
        List<String> journal = new ArrayList<>();
        CappedIndex.Journal<Item> recording = new CappedIndex.Journal<>() {
            @Override
            public void removed(Item item) {
                journal.add("-" + item.key());
            }

            @Override
            public void added(Item item) {
                journal.add("+" + item.key());
            }
        };
        index.admit(item("a", "owner", 0), 1, false, T0, recording);
        index.admit(item("b", "owner", 1), 1, false, T0, recording);
        assertThat(journal).containsExactly("+a");
    }
}
