package dev.frontdesk.server.http;

import java.time.Duration;

/**
 * A request that could not be served, classified once by the {@link ErrorFrame} and written by the
 * door in its own shape.
 *
 * @param message safe to show the client (never request data beyond a field name, never a stack trace)
 * @param field   the culprit input field, when known
 */
public record Failure(Kind kind, int status, String message, String field, Duration retryAfter) {
    public enum Kind {
        /** Malformed or missing input, wrong media type, header too long: the client's mistake (4xx). */
        CLIENT,
        /** A body over the limit (413). */
        TOO_LARGE,
        /** A store does not answer (503 + Retry-After): the session may be alive, we cannot tell. */
        UNAVAILABLE,
        /** Our fault (500), logged once. */
        INTERNAL
    }

    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public static Failure client(int status, String message, String field) {
        return new Failure(status == 413 ? Kind.TOO_LARGE : Kind.CLIENT, status, message, field, null);
    }

    public static Failure unavailable() {
        return new Failure(Kind.UNAVAILABLE, 503, "unavailable", null, RETRY_AFTER);
    }

    public static Failure internal() {
        return new Failure(Kind.INTERNAL, 500, "internal_error", null, null);
    }
}
