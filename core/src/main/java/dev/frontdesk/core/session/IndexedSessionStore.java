package dev.frontdesk.core.session;

import dev.frontdesk.core.account.AccountType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sessions held in a {@link CappedIndex} on this node, optionally written through to durable storage
 * by a {@link Journal} (the embedded and single-node PostgreSQL modes). Validation never leaves memory.
 *
 * <p>Beside the index it keeps, updated by the same hooks that add and remove sessions, the holder of
 * each place (tenant and place to session) and counters of sessions and customer sessions per tenant,
 * so a place claim, a licence check and the live-session gauge cost the same at any session count.
 * Claims of one place, and licence checks of one tenant, take a striped in-memory lock: one node,
 * no lease.
 */
public final class IndexedSessionStore implements SessionStore {
    private static final int STRIPES = 64;

    private final CappedIndex<Session> index = new CappedIndex<>();
    private final Journal journal;
    private final Indexing indexing = new Indexing();
    private final Map<String, String> placeHolders = new ConcurrentHashMap<>();
    private final Map<String, TenantCounts> counts = new ConcurrentHashMap<>();
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final Backlog backlog;
    private final Restoration restoration;

    /** Durable storage behind the index; every hook runs before the change is visible in memory. */
    public interface Journal extends CappedIndex.Journal<Session> {
        void touched(String idHash, Instant lastSeenAt);

        void attributesChanged(String idHash, Map<String, String> attributes);

        boolean isHealthy();

        /** No durable storage: every hook does nothing. */
        static Journal none() {
            return new Journal() {
                @Override
                public void removed(Session item) {
                }

                @Override
                public void added(Session item) {
                }

                @Override
                public void touched(String idHash, Instant lastSeenAt) {
                }

                @Override
                public void attributesChanged(String idHash, Map<String, String> attributes) {
                }

                @Override
                public boolean isHealthy() {
                    return true;
                }
            };
        }
    }

    /** The sessions in the journal's storage, read back after a restart. */
    public interface Backlog {
        /** Hands every stored session to {@code each}, in any order. */
        void forEach(Consumer<Session> each);

        Optional<Session> find(String idHash);

        List<Session> ofAccount(String accountId);
    }

    /** @param restored sessions read back from the journal's storage at start-up */
    public IndexedSessionStore(Journal journal, Collection<Session> restored) {
        this(journal, new Backlog() {
            @Override
            public void forEach(Consumer<Session> each) {
                restored.forEach(each);
            }

            @Override
            public Optional<Session> find(String idHash) {
                return Optional.empty();
            }

            @Override
            public List<Session> ofAccount(String accountId) {
                return List.of();
            }
        }, Runnable::run);
    }

    /**
     * @param loader runs the loading of the backlog; while it has not finished this store already
     *               serves: a session not loaded yet is read through from the backlog (by ID, or the
     *               account's when one logs in), and what needs every session waits for the load
     */
    public IndexedSessionStore(Journal journal, Backlog backlog, Executor loader) {
        this.journal = journal;
        this.backlog = backlog;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
        // the loader gets its restoration as an argument: the field is not set until start returns
        restoration = Restoration.start(loader, r -> backlog.forEach(s -> restore(s, r)));
    }

    private void restore(Session session, Restoration from) {
        if (index.restoreIfAbsent(session, from)) {
            indexing.indexed(session);
        }
    }

    /** The session, from memory or (while the backlog loads) read through from storage. */
    private Optional<Session> lookup(String idHash) {
        Optional<Session> found = index.find(idHash);
        if (found.isPresent() || !restoration.inProgress()) {
            return found;
        }
        backlog.find(idHash).ifPresent(s -> restore(s, restoration));
        return index.find(idHash);
    }

    /** Loads the account's stored sessions first while the backlog loads, so its cap counts them all. */
    private void loadAccount(String accountId) {
        if (restoration.inProgress()) {
            backlog.ofAccount(accountId).forEach(s -> restore(s, restoration));
        }
    }

    /** Sessions in memory only: for tests and throw-away servers. */
    public static IndexedSessionStore inMemory() {
        return new IndexedSessionStore(Journal.none(), List.<Session>of());
    }

    @Override
    public Admission<Session> admit(Session session, SessionLimits limits, Instant now) {
        String place = session.place();
        boolean tenantWide = (limits.claimsPlace() && place != null)
                || (limits.customerLicences() != null && session.accountType() == AccountType.CUSTOMER);
        if (tenantWide) {
            restoration.await();
        } else {
            loadAccount(session.accountId());
        }
        if (limits.claimsPlace() && place != null) {
            return locked("place\n" + session.tenant() + "\n" + place, () ->
                    heldByAnother(session.tenant(), place, session.accountId(), limits.yieldingIdHash(), now)
                            ? Admission.refused(Admission.Refusal.PLACE_TAKEN, List.of())
                            : admitLicensed(session, limits, now));
        }
        return admitLicensed(session, limits, now);
    }

    private Admission<Session> admitLicensed(Session session, SessionLimits limits, Instant now) {
        Integer licences = limits.customerLicences();
        if (licences == null || session.accountType() != AccountType.CUSTOMER) {
            return index.admit(session, limits.perAccount(), limits.force(), now, indexing);
        }
        return locked("licences\n" + session.tenant(), () -> {
            List<Session> lapsed = new ArrayList<>();
            if (countsOf(session.tenant()).customers.get() >= licences) {
                // the counters include lapsed sessions until a sweep: sweep before refusing
                lapsed.addAll(index.removeExpired(now, indexing));
            }
            if (countsOf(session.tenant()).customers.get() >= licences) {
                return Admission.refused(Admission.Refusal.NO_LICENCE, lapsed);
            }
            Admission<Session> admission = index.admit(session, limits.perAccount(), limits.force(), now, indexing);
            lapsed.addAll(admission.expired());
            return new Admission<>(admission.admitted(), admission.evicted(), lapsed, admission.refusal());
        });
    }

    @Override
    public Optional<Session> find(String idHash) {
        return lookup(idHash);
    }

    @Override
    public void touch(String idHash, Instant lastSeenAt) {
        if (lookup(idHash).isPresent()) {
            journal.touched(idHash, lastSeenAt);
            index.update(idHash, s -> s.touchedAt(lastSeenAt));
        }
    }

    @Override
    public boolean updateAttributes(String idHash, Map<String, String> attributes, Instant now) {
        Optional<Session> found = lookup(idHash);
        if (found.isEmpty()) {
            return true;
        }
        Session current = found.get();
        String place = attributes.get(Session.PLACE);
        if (place == null || place.equals(current.place())) {
            replaceAttributes(current, attributes);
            return true;
        }
        restoration.await();
        return locked("place\n" + current.tenant() + "\n" + place, () -> {
            if (heldByAnother(current.tenant(), place, current.accountId(), null, now)) {
                return false;
            }
            replaceAttributes(current, attributes);
            return true;
        });
    }

    private void replaceAttributes(Session current, Map<String, String> attributes) {
        journal.attributesChanged(current.idHash(), attributes);
        index.update(current.idHash(), s -> s.withAttributes(attributes))
                .ifPresent(moved -> indexing.placeChanged(current, moved));
    }

    @Override
    public Optional<Session> remove(String idHash) {
        lookup(idHash);
        return index.remove(idHash, indexing);
    }

    @Override
    public List<Session> findByAccount(String accountId) {
        loadAccount(accountId);
        return index.itemsOf(accountId);
    }

    @Override
    public List<Session> findByTenant(String tenant) {
        restoration.await();
        return index.all().stream().filter(s -> s.tenant().equals(tenant)).toList();
    }

    /** Waits for the backlog to load: a gauge reading "0 sessions" just after a restart would be an alarm. */
    @Override
    public long count() {
        restoration.await();
        return counts.values().stream().mapToLong(c -> c.sessions.get()).sum();
    }

    @Override
    public List<Session> removeExpired(Instant now) {
        restoration.await();
        return index.removeExpired(now, indexing);
    }

    @Override
    public boolean isHealthy() {
        return journal.isHealthy() && !restoration.failed();
    }

    private boolean heldByAnother(String tenant, String place, String accountId, String yielding, Instant now) {
        String holder = placeHolders.get(placeKey(tenant, place));
        if (holder == null || holder.equals(yielding)) {
            return false;
        }
        return index.find(holder)
                .filter(s -> !s.isExpiredAt(now) && place.equals(s.place()))
                .filter(s -> !s.accountId().equals(accountId))
                .isPresent();
    }

    private TenantCounts countsOf(String tenant) {
        return counts.computeIfAbsent(tenant, t -> new TenantCounts());
    }

    private <T> T locked(String name, Supplier<T> action) {
        ReentrantLock lock = stripes[Math.floorMod(name.hashCode(), STRIPES)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private static String placeKey(String tenant, String place) {
        return tenant + "\n" + place;
    }

    private static final class TenantCounts {
        final AtomicLong sessions = new AtomicLong();
        final AtomicLong customers = new AtomicLong();
    }

    /** The journal, plus the place index and counters, kept by the same hooks (inside the account's lock). */
    private final class Indexing implements CappedIndex.Journal<Session> {
        @Override
        public void added(Session item) {
            journal.added(item);
            indexed(item);
        }

        @Override
        public void removed(Session item) {
            journal.removed(item);
            restoration.settle(item.idHash());
            TenantCounts tenant = countsOf(item.tenant());
            tenant.sessions.decrementAndGet();
            if (item.accountType() == AccountType.CUSTOMER) {
                tenant.customers.decrementAndGet();
            }
            release(item);
        }

        @Override
        public void awaitWritten() {
            journal.awaitWritten();
        }

        void indexed(Session item) {
            TenantCounts tenant = countsOf(item.tenant());
            tenant.sessions.incrementAndGet();
            if (item.accountType() == AccountType.CUSTOMER) {
                tenant.customers.incrementAndGet();
            }
            if (item.place() != null) {
                placeHolders.put(placeKey(item.tenant(), item.place()), item.idHash());
            }
        }

        void placeChanged(Session before, Session after) {
            if (Objects.equals(before.place(), after.place())) {
                return;
            }
            if (after.place() != null) {
                placeHolders.put(placeKey(after.tenant(), after.place()), after.idHash());
            }
            release(before);
        }

        /**
         * Drops the session as its place's holder; another session of the same account at that place
         * (an agent logged in twice at one desk) becomes the holder, so the place stays taken.
         */
        private void release(Session item) {
            if (item.place() == null || !placeHolders.remove(placeKey(item.tenant(), item.place()), item.idHash())) {
                return;
            }
            for (Session sibling : index.itemsOf(item.accountId())) {
                if (!sibling.idHash().equals(item.idHash()) && item.place().equals(sibling.place())) {
                    placeHolders.putIfAbsent(placeKey(item.tenant(), item.place()), sibling.idHash());
                    return;
                }
            }
        }
    }
}
