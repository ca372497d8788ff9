package dev.frontdesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.session.Admission;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.session.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} must do, run against each implementation (in memory, H2/PostgreSQL
 * journal, Redis): the same rules, whatever holds the sessions.
 */
public abstract class SessionStoreContract {
    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract SessionStore store();

    protected static Session session(String accountId, int createdOffsetMillis) {
        String id = UUID.randomUUID().toString();
        Instant created = NOW.plusMillis(createdOffsetMillis);
        return new Session(id.replace("-", "") + "00000000000000000000000000000000", "ref-" + id, "contract",
                accountId, "user-" + accountId, AccountType.AGENT, "native", created, created, Duration.ofMinutes(30),
                created.plus(Duration.ofHours(8)), "127.0.0.1", "test", null, Map.of("place", "P1"));
    }

    @Test
    void admitUpToTheCapThenRefuse() {
        String account = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            assertThat(store().admit(session(account, i), 3, false, NOW).admitted()).isTrue();
        }
        assertThat(store().admit(session(account, 10), 3, false, NOW).admitted()).isFalse();
        assertThat(store().findByAccount(account)).hasSize(3);
    }

    @Test
    void forceAtTheCapThenOldestEvictedAndGone() {
        String account = UUID.randomUUID().toString();
        Session oldest = session(account, 0);
        store().admit(oldest, 2, false, NOW);
        store().admit(session(account, 5), 2, false, NOW);
        Admission<Session> forced = store().admit(session(account, 10), 2, true, NOW);
        assertThat(forced.admitted()).isTrue();
        assertThat(forced.evicted()).extracting(Session::idHash).containsExactly(oldest.idHash());
        assertThat(store().find(oldest.idHash())).isEmpty();
        assertThat(store().findByAccount(account)).hasSize(2);
    }

    @Test
    void foundSessionEqualsWhatWasStored() {
        Session stored = session(UUID.randomUUID().toString(), 0);
        store().admit(stored, 5, false, NOW);
        assertThat(store().find(stored.idHash())).contains(stored);
        assertThat(store().findByTenant("contract")).extracting(Session::idHash).contains(stored.idHash());
    }

    @Test
    void removedSessionIsGoneAndCannotBeTouchedBack() {
        Session stored = session(UUID.randomUUID().toString(), 0);
        store().admit(stored, 5, false, NOW);
        assertThat(store().remove(stored.idHash())).isPresent();
        store().touch(stored.idHash(), NOW.plusSeconds(5));
        store().updateAttributes(stored.idHash(), Map.of("place", "P2"));
        assertThat(store().find(stored.idHash())).isEmpty();
        assertThat(store().remove(stored.idHash())).isEmpty();
    }

    @Test
    void touchAndAttributesAreKept() {
        Session stored = session(UUID.randomUUID().toString(), 0);
        store().admit(stored, 5, false, NOW);
        store().touch(stored.idHash(), NOW.plusSeconds(7));
        store().updateAttributes(stored.idHash(), Map.of("place", "P9"));
        Session found = store().find(stored.idHash()).orElseThrow();
        assertThat(found.lastSeenAt()).isEqualTo(NOW.plusSeconds(7));
        assertThat(found.attributes()).containsEntry("place", "P9");
    }

    @Test
    void removeExpiredWhenLapsedThenReturnedOnceAndListedNowhere() {
        String account = UUID.randomUUID().toString();
        Session lapsing = session(account, 0);
        store().admit(lapsing, 5, false, NOW);
        Instant later = NOW.plus(Duration.ofHours(2));

        assertThat(store().removeExpired(later)).extracting(Session::idHash).contains(lapsing.idHash());

        assertThat(store().removeExpired(later)).extracting(Session::idHash).doesNotContain(lapsing.idHash());
        assertThat(store().findByAccount(account)).isEmpty();
        assertThat(store().findByTenant("contract")).extracting(Session::idHash).doesNotContain(lapsing.idHash());
        assertThat(store().remove(lapsing.idHash())).isEmpty();
    }

    @Test
    void admitWhenOwnerHoldsALapsedSessionThenItIsReportedExpiredAndDoesNotCount() {
        String account = UUID.randomUUID().toString();
        Session lapsed = session(account, -(int) Duration.ofHours(2).toMillis());
        store().admit(lapsed, 1, false, lapsed.createdAt());

        Admission<Session> next = store().admit(session(account, 0), 1, false, NOW);

        assertThat(next.admitted()).isTrue();
        assertThat(next.evicted()).isEmpty();
        assertThat(next.expired()).extracting(Session::idHash).containsExactly(lapsed.idHash());
        assertThat(store().removeExpired(NOW)).extracting(Session::idHash).doesNotContain(lapsed.idHash());
    }
}
