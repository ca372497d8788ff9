package dev.frontdesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.session.Admission;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.session.SessionLimits;
import dev.frontdesk.core.session.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        store().updateAttributes(stored.idHash(), Map.of("place", "P2"), NOW);
        assertThat(store().find(stored.idHash())).isEmpty();
        assertThat(store().remove(stored.idHash())).isEmpty();
    }

    @Test
    void touchAndAttributesAreKept() {
        Session stored = session(UUID.randomUUID().toString(), 0);
        store().admit(stored, 5, false, NOW);
        store().touch(stored.idHash(), NOW.plusSeconds(7));
        store().updateAttributes(stored.idHash(), Map.of("place", "P9"), NOW);
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

    private static Session inTenant(String tenant, String accountId, AccountType type, String place, int offsetMillis) {
        Session base = session(accountId, offsetMillis);
        return new Session(base.idHash(), base.ref(), tenant, accountId, base.username(), type, "srs",
                base.createdAt(), base.lastSeenAt(), base.idleTimeout(), base.absoluteExpiry(), base.clientIp(),
                base.userAgent(), null, place == null ? Map.of() : Map.of(Session.PLACE, place));
    }

    private static SessionLimits claim(String yielding) {
        return SessionLimits.perAccount(5, false).claimingPlace(yielding);
    }

    @Test
    void issue15PlaceHeldByAnotherAccountThenRefusedUntilItsSessionEnds() {
        String tenant = UUID.randomUUID().toString();
        Session first = inTenant(tenant, "agent-a", AccountType.AGENT, "P7", 0);
        assertThat(store().admit(first, claim(null), NOW).admitted()).isTrue();

        Admission<Session> rival = store().admit(inTenant(tenant, "agent-b", AccountType.AGENT, "P7", 1), claim(null), NOW);
        assertThat(rival.admitted()).isFalse();
        assertThat(rival.refusal()).isEqualTo(Admission.Refusal.PLACE_TAKEN);
        assertThat(store().admit(inTenant(tenant, "agent-b", AccountType.AGENT, "P8", 2), claim(null), NOW).admitted())
                .isTrue();

        store().remove(first.idHash());
        assertThat(store().admit(inTenant(tenant, "agent-c", AccountType.AGENT, "P7", 3), claim(null), NOW).admitted())
                .isTrue();
    }

    @Test
    void issue15PlaceOfTwoSessionsOfOneAgentThenHeldUntilBothEnd() {
        String tenant = UUID.randomUUID().toString();
        Session first = inTenant(tenant, "agent-a", AccountType.AGENT, "P1", 0);
        Session second = inTenant(tenant, "agent-a", AccountType.AGENT, "P1", 1);
        assertThat(store().admit(first, claim(null), NOW).admitted()).isTrue();
        assertThat(store().admit(second, claim(null), NOW).admitted()).isTrue();

        store().remove(second.idHash());
        assertThat(store().admit(inTenant(tenant, "agent-b", AccountType.AGENT, "P1", 2), claim(null), NOW).refusal())
                .isEqualTo(Admission.Refusal.PLACE_TAKEN);
        store().remove(first.idHash());
        assertThat(store().admit(inTenant(tenant, "agent-b", AccountType.AGENT, "P1", 3), claim(null), NOW).admitted())
                .isTrue();
    }

    @Test
    void issue15PlaceOfTheSessionALoginReplacesThenTaken() {
        String tenant = UUID.randomUUID().toString();
        Session replaced = inTenant(tenant, "agent-a", AccountType.AGENT, "P2", 0);
        store().admit(replaced, claim(null), NOW);

        Admission<Session> next = store().admit(inTenant(tenant, "agent-b", AccountType.AGENT, "P2", 1),
                claim(replaced.idHash()), NOW);

        assertThat(next.admitted()).isTrue();
    }

    @Test
    void issue15PlaceHeldByALapsedSessionThenFree() {
        String tenant = UUID.randomUUID().toString();
        store().admit(inTenant(tenant, "agent-a", AccountType.AGENT, "P3", 0), claim(null), NOW);
        Instant later = NOW.plus(Duration.ofHours(9));

        assertThat(store().admit(inTenant(tenant, "agent-b", AccountType.AGENT, "P3", 1), claim(null), later).admitted())
                .isTrue();
    }

    @Test
    void issue15MoveToAPlaceAnotherAgentHoldsThenRefusedAndUnchanged() {
        String tenant = UUID.randomUUID().toString();
        store().admit(inTenant(tenant, "agent-a", AccountType.AGENT, "P4", 0), claim(null), NOW);
        Session mover = inTenant(tenant, "agent-b", AccountType.AGENT, "P5", 1);
        store().admit(mover, claim(null), NOW);

        assertThat(store().updateAttributes(mover.idHash(), Map.of(Session.PLACE, "P4"), NOW)).isFalse();
        assertThat(store().find(mover.idHash()).orElseThrow().place()).isEqualTo("P5");

        assertThat(store().updateAttributes(mover.idHash(), Map.of(Session.PLACE, "P6"), NOW)).isTrue();
        assertThat(store().find(mover.idHash()).orElseThrow().place()).isEqualTo("P6");
        assertThat(store().admit(inTenant(tenant, "agent-c", AccountType.AGENT, "P5", 2), claim(null), NOW).admitted())
                .as("the place it left is free").isTrue();
    }

    @Test
    void issue15CustomerLicencesOfTheTenantThenRefusedUntilOneEnds() {
        String tenant = UUID.randomUUID().toString();
        SessionLimits two = SessionLimits.perAccount(5, false).withCustomerLicences(2);
        Session first = inTenant(tenant, "customer-a", AccountType.CUSTOMER, null, 0);
        assertThat(store().admit(first, two, NOW).admitted()).isTrue();
        assertThat(store().admit(inTenant(tenant, "customer-b", AccountType.CUSTOMER, null, 1), two, NOW).admitted())
                .isTrue();
        assertThat(store().admit(inTenant(tenant, "agent-a", AccountType.AGENT, null, 2), two, NOW).admitted())
                .as("agents need no licence").isTrue();

        assertThat(store().admit(inTenant(tenant, "customer-c", AccountType.CUSTOMER, null, 3), two, NOW).refusal())
                .isEqualTo(Admission.Refusal.NO_LICENCE);
        store().remove(first.idHash());
        assertThat(store().admit(inTenant(tenant, "customer-c", AccountType.CUSTOMER, null, 4), two, NOW).admitted())
                .isTrue();
    }

    @Test
    void issue15CustomerLicenceOfALapsedSessionThenSweptAndGiven() {
        String tenant = UUID.randomUUID().toString();
        SessionLimits one = SessionLimits.perAccount(5, false).withCustomerLicences(1);
        Session lapsing = inTenant(tenant, "customer-a", AccountType.CUSTOMER, null, 0);
        store().admit(lapsing, one, NOW);
        Instant later = NOW.plus(Duration.ofHours(9));

        Admission<Session> next = store().admit(inTenant(tenant, "customer-b", AccountType.CUSTOMER, null, 1), one, later);

        assertThat(next.admitted()).isTrue();
        assertThat(next.expired()).extracting(Session::idHash).contains(lapsing.idHash());
    }

    @Test
    void issue15CountFollowsAdmissionsAndEnds() {
        long before = store().count();
        Session one = session(UUID.randomUUID().toString(), 0);
        Session two = session(UUID.randomUUID().toString(), 0);
        store().admit(one, 5, false, NOW);
        store().admit(two, 5, false, NOW);
        assertThat(store().count()).isEqualTo(before + 2);
        store().remove(one.idHash());
        assertThat(store().count()).isEqualTo(before + 1);
    }

    @Test
    void issue15TwentyAgentsRaceForOnePlaceThenExactlyOneHoldsIt() throws Exception {
        String tenant = UUID.randomUUID().toString();
        List<Callable<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Session session = inTenant(tenant, "agent-" + i, AccountType.AGENT, "P-race", i);
            claims.add(() -> store().admit(session, claim(null), NOW).admitted());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            long winners = 0;
            for (Future<Boolean> result : pool.invokeAll(claims)) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
