package dev.frontdesk.core.auth;

import java.time.Duration;

/** The outcome of the authentication step, one case per answer a door can give. */
public sealed interface AuthOutcome<T> {
    record Accepted<T>(T who) implements AuthOutcome<T> {
    }

    /** Wrong, unknown, disabled or unusable: one answer for all (no enumeration). */
    record Refused<T>() implements AuthOutcome<T> {
    }

    /** Refused before any verification: the attempt must wait. */
    record Throttled<T>(Duration retryAfter) implements AuthOutcome<T> {
    }

    /** The verifier's backend could not decide; the door answers "try later", never "wrong password". */
    record Unavailable<T>(String detail) implements AuthOutcome<T> {
    }
}
