package dev.frontdesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.account.AccountType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A store that serves while its stored sessions still load (issue 20: restart to ready). */
class BackgroundRestoreTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    /** Stored sessions whose bulk load waits until {@link #release()}, as a slow table scan would. */
    private static final class SlowBacklog implements IndexedSessionStore.Backlog {
        final List<Session> stored;
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch loaded = new CountDownLatch(1);

        SlowBacklog(List<Session> stored) {
            this.stored = stored;
        }

        @Override
        public void forEach(Consumer<Session> each) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            stored.forEach(each);
            loaded.countDown();
        }

        @Override
        public Optional<Session> find(String idHash) {
            return stored.stream().filter(s -> s.idHash().equals(idHash)).findFirst();
        }

        @Override
        public List<Session> ofAccount(String accountId) {
            return stored.stream().filter(s -> s.accountId().equals(accountId)).toList();
        }

        void release() throws InterruptedException {
            gate.countDown();
            assertThat(loaded.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Session session(String id, String account) {
        return new Session(id, "ref-" + id, "t", account, "user-" + account, AccountType.AGENT, "native", NOW, NOW,
                Duration.ofMinutes(30), NOW.plus(Duration.ofHours(8)), "127.0.0.1", "test", null, Map.of());
    }

    private static IndexedSessionStore store(SlowBacklog backlog) {
        return new IndexedSessionStore(IndexedSessionStore.Journal.none(), backlog,
                task -> Thread.ofPlatform().daemon().start(task));
    }

    @Test
    void storedSessionNotLoadedYetThenFoundByReadThrough() {
        SlowBacklog backlog = new SlowBacklog(List.of(session("a", "acc-1"), session("b", "acc-2")));
        IndexedSessionStore store = store(backlog);

        assertThat(store.find("b")).map(Session::accountId).contains("acc-2");
        assertThat(store.find("unknown")).isEmpty();
    }

    @Test
    void sessionEndedWhileLoadingThenNotBroughtBackByTheLoader() throws Exception {
        SlowBacklog backlog = new SlowBacklog(List.of(session("a", "acc-1"), session("b", "acc-2")));
        IndexedSessionStore store = store(backlog);

        assertThat(store.remove("a")).isPresent();
        backlog.release();

        assertThat(store.find("a")).isEmpty();
        assertThat(store.find("b")).isPresent();
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void loginWhileLoadingThenTheAccountsStoredSessionsCountAgainstItsCap() {
        SlowBacklog backlog = new SlowBacklog(List.of(session("a", "acc-1"), session("b", "acc-1")));
        IndexedSessionStore store = store(backlog);

        Admission<Session> third = store.admit(session("c", "acc-1"), 2, false, NOW);

        assertThat(third.admitted()).isFalse();
        assertThat(store.findByAccount("acc-1")).extracting(Session::idHash).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void tenantListingWhileLoadingThenWaitsForEverySession() throws Exception {
        SlowBacklog backlog = new SlowBacklog(List.of(session("a", "acc-1"), session("b", "acc-2")));
        IndexedSessionStore store = store(backlog);
        Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(100);
                backlog.gate.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(store.findByTenant("t")).hasSize(2);
    }
}
