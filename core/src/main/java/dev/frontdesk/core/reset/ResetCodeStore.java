package dev.frontdesk.core.reset;

import java.time.Instant;
import java.util.Optional;

/** Port: where password-reset codes live (hashes only). */
public interface ResetCodeStore {
    /** Stores {@code code} and removes every other code of the same account, atomically. */
    void replaceCodesOf(ResetCode code);

    /** Removes the code with this hash and returns it; empty when there was none (so each code works once). */
    Optional<ResetCode> take(String codeHash);

    /** Removes codes that expired before {@code now}; returns how many. */
    int removeExpired(Instant now);
}
