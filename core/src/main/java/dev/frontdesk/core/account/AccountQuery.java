package dev.frontdesk.core.account;

/** Filters for listing accounts; a null field matches everything. */
public record AccountQuery(String username, AccountType type, int limit) {
    public AccountQuery {
        limit = limit <= 0 ? 1000 : Math.min(limit, 10_000);
    }
}
