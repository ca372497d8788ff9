package dev.frontdesk.core.gateway;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.Accounts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access rights of a session's account, for the gateway's rules and identity headers. They live
 * on the account, not the session, so each is read from storage once and then remembered for
 * {@code freshFor}: the gateway path reads storage at most once per account per interval, never per
 * request. The price: a change of rights reaches the gateway of a node within that interval (ending
 * sessions, disabling or deleting an account take effect at once, through session validation).
 * Bounded: past {@link #MAX_ENTRIES} accounts the memory is dropped and refilled on demand.
 */
public final class AccountRights {
    static final int MAX_ENTRIES = 100_000;

    private record Entry(List<String> rights, long until) {
    }

    private final Accounts accounts;
    private final Clock clock;
    private final long freshForMillis;
    private final Map<String, Entry> byAccount = new ConcurrentHashMap<>();

    public AccountRights(Accounts accounts, Clock clock, Duration freshFor) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.freshForMillis = freshFor.toMillis();
    }

    public List<String> of(String tenant, String accountId) {
        long now = clock.millis();
        Entry entry = byAccount.get(accountId);
        if (entry != null && now < entry.until()) {
            return entry.rights();
        }
        List<String> rights = accounts.find(tenant, accountId).map(Account::accessRights).orElse(List.of());
        if (byAccount.size() >= MAX_ENTRIES) {
            byAccount.clear();
        }
        byAccount.put(accountId, new Entry(rights, now + freshForMillis));
        return rights;
    }
}
