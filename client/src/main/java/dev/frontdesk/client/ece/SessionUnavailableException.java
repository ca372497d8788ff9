package dev.frontdesk.client.ece;

import java.util.Objects;

/** No ECE session could be created for a downstream call; {@link #result()} says why. */
public final class SessionUnavailableException extends RuntimeException {
    private final NodeResult result;

    public SessionUnavailableException(NodeResult result) {
        super("no ECE session: " + result.outcome().wireName()
                + (result.message() == null ? "" : " (" + result.message() + ")"));
        this.result = Objects.requireNonNull(result, "result");
    }

    public NodeResult result() {
        return result;
    }
}
