package dev.frontdesk.core.login;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: TOTP keys of accounts (native API), and the short-lived challenges between a login's password
 * step and its code step (by hash of the {@code mfaToken}).
 */
public interface AccountTotpStore {
    /** An account's key: {@code secret} confirmed (or null), {@code pending} shown and not yet confirmed. */
    record AccountTotp(String accountId, String secret, String pending, long lastStep) {
        @Override
        public String toString() {
            return "AccountTotp[" + accountId + ", confirmed=" + (secret != null) + "]";
        }
    }

    Optional<AccountTotp> find(String accountId);

    /** Sets the pending key (keeps a confirmed one until this one is confirmed). */
    void savePending(String accountId, String secret);

    /** The pending key becomes the account's key; false when none was pending. */
    boolean confirm(String accountId);

    /** Records the step of an accepted code, only if no code of this or a later step was accepted. */
    boolean advanceStep(String accountId, long step);

    void saveChallenge(String tokenHash, String accountId, Instant expiresAt, Instant now);

    /** The account of a live challenge. */
    Optional<String> findChallenge(String tokenHash, Instant now);

    void deleteChallenge(String tokenHash);
}
