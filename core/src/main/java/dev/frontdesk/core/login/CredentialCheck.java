package dev.frontdesk.core.login;

import dev.frontdesk.core.account.Account;
import java.time.Duration;

/** Whether a login name and password belong together, before any session exists. */
public sealed interface CredentialCheck {
    record Valid(Account account) implements CredentialCheck {
    }

    record Invalid() implements CredentialCheck {
    }

    record Throttled(Duration retryAfter) implements CredentialCheck {
    }
}
