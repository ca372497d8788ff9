package dev.frontdesk.core.login;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.session.OpenResult;
import dev.frontdesk.core.session.Session;
import java.time.Duration;

/** The outcome of a login. Dialects map each case to their wire form. */
public sealed interface LoginResult {
    record Success(Account account, Session session, String sessionId) implements LoginResult {
    }

    /** Unknown user, wrong password, disabled account, wrong account type: one answer for all. */
    record BadCredentials() implements LoginResult {
    }

    record SessionLimitReached(int limit) implements LoginResult {
    }

    record LicensesExhausted(int licenses) implements LoginResult {
    }

    record Throttled(Duration retryAfter) implements LoginResult {
    }

    static LoginResult from(Account account, OpenResult opened) {
        return switch (opened) {
            case OpenResult.Opened o -> new Success(account, o.session(), o.sessionId());
            case OpenResult.AtCap c -> new SessionLimitReached(c.limit());
            case OpenResult.LicensesExhausted l -> new LicensesExhausted(l.licenses());
        };
    }
}
