package dev.frontdesk.client.ece;

import java.util.List;

/** A {@link NodeRuntimeAuthorization} that cannot be used, with every reason. */
public final class InvalidAuthorizationException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidAuthorizationException(List<String> problems) {
        super("invalid node runtime authorization: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
