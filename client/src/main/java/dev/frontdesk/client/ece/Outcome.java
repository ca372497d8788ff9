package dev.frontdesk.client.ece;

import java.util.Arrays;
import java.util.Optional;

/** The ECE Login node's outcomes; {@link #wireName()} is the name flows route on. */
public enum Outcome {
    CREATE_SESSION_SUCCESS("onCreateSessionSuccess"),
    CREATE_SESSION_FAILURE("onCreateSessionFailure"),
    INVALID_DATA("onInvalidData"),
    TIMEOUT("onTimeout"),
    ERROR("onError"),
    INVALID_CHOICE("onInvalidChoice");

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Outcome> fromWireName(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
