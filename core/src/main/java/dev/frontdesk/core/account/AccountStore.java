package dev.frontdesk.core.account;

import java.util.List;
import java.util.Optional;

/** Port: where accounts live. User names compare case-insensitively within a tenant. */
public interface AccountStore {
    Optional<Account> find(String tenant, String id);

    Optional<Account> findByUsername(String tenant, String username);

    /** By user name, else by e-mail address (iService logs in with either). */
    Optional<Account> findByLogin(String tenant, String login);

    List<Account> search(String tenant, AccountQuery query);

    /** @throws DuplicateUsername when the tenant already has that user name */
    /** True when an account of the tenant has this {@link Identifiers#skeleton} (a look-alike name). */
    boolean skeletonTaken(String tenant, String skeleton);

    void insert(Account account);

    void update(Account account);

    boolean delete(String tenant, String id);

    /** Another account of the tenant already uses the user name. */
    final class DuplicateUsername extends RuntimeException {
        public DuplicateUsername(String username) {
            super("username already exists: " + username);
        }
    }
}
