package dev.frontdesk.client.ece;

import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Maps what went wrong on the way to an answer onto {@code onTimeout} or {@code onError}. */
final class Failures {
    private Failures() {
    }

    static NodeResult toResult(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HttpConnectTimeoutException) {
            return NodeResult.of(Outcome.TIMEOUT, "connect_timeout", "could not connect in time", 0);
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return NodeResult.of(Outcome.TIMEOUT, "timeout", "no answer in time", 0);
        }
        if (cause instanceof TokenRequestException token) {
            return NodeResult.of(Outcome.ERROR, token.code() != null ? token.code() : "token_error",
                    "access token request failed: " + token.getMessage(), token.httpStatus());
        }
        if (cause instanceof IOException) {
            return NodeResult.of(Outcome.ERROR, "network_error", describe(cause), 0);
        }
        return NodeResult.of(Outcome.ERROR, "client_error", describe(cause), 0);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
